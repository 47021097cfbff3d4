-- One row per product: units sold, revenue and orders from the items of orders that were not
-- cancelled; products nobody bought have zeros.
SELECT
  p.product_id,
  p.name,
  p.category,
  coalesce(sum(s.quantity), 0) AS units_sold,
  coalesce(sum(s.subtotal), 0) AS revenue,
  count(DISTINCT s.order_id)   AS orders
FROM silver.stg_products AS p
LEFT JOIN (
  SELECT i.product_id, i.order_id, i.quantity, i.subtotal
  FROM silver.stg_order_items AS i
  JOIN silver.stg_orders AS o ON o.order_id = i.order_id
  WHERE o.status <> 'cancelled'
) AS s ON s.product_id = p.product_id
GROUP BY p.product_id, p.name, p.category
