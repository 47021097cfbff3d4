-- The latest row per order (re-sent orders carry their newer status); orders of customers that do
-- not exist dropped.
SELECT
  o.order_id,
  o.customer_id,
  lower(trim(o.status)) AS status,
  upper(trim(o.region)) AS region,
  o.total_amount,
  o.created_at
FROM bronze.raw_orders AS o
JOIN silver.stg_customers AS c ON c.customer_id = o.customer_id
QUALIFY row_number() OVER (PARTITION BY o.order_id ORDER BY o.created_at DESC) = 1
