-- The latest row per customer; e-mail addresses trimmed and lower-cased, regions upper-cased;
-- rows without an e-mail address or a name dropped.
SELECT
  customer_id,
  trim(name)          AS name,
  lower(trim(email))  AS email,
  upper(trim(region)) AS region,
  created_at
FROM bronze.raw_customers
WHERE email IS NOT NULL AND trim(name) <> ''
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY created_at DESC) = 1
