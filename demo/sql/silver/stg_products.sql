-- The latest row per product; products with a price that is not positive dropped.
SELECT
  product_id,
  trim(name)            AS name,
  lower(trim(category)) AS category,
  price,
  upper(sku)            AS sku,
  created_at
FROM bronze.raw_products
WHERE price > 0
QUALIFY row_number() OVER (PARTITION BY product_id ORDER BY created_at DESC) = 1
