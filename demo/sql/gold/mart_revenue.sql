-- Revenue per month and region from the order items of orders that were not cancelled.
SELECT
  date_trunc('month', o.created_at) AS month,
  o.region,
  count(DISTINCT o.order_id)        AS orders,
  sum(i.subtotal)                   AS revenue
FROM silver.stg_orders AS o
JOIN silver.stg_order_items AS i ON i.order_id = o.order_id
WHERE o.status <> 'cancelled'
GROUP BY 1, 2
