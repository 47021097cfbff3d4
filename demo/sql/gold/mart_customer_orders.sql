-- One row per customer: orders placed, revenue from the items of orders that were not cancelled,
-- and the first and last order.
WITH order_revenue AS (
  SELECT o.order_id, o.customer_id, o.status, o.created_at, coalesce(sum(i.subtotal), 0) AS revenue
  FROM silver.stg_orders AS o
  LEFT JOIN silver.stg_order_items AS i ON i.order_id = o.order_id
  GROUP BY o.order_id, o.customer_id, o.status, o.created_at
)
SELECT
  c.customer_id,
  c.name,
  c.email,
  c.region,
  count(r.order_id)                                                  AS orders,
  coalesce(sum(r.revenue) FILTER (WHERE r.status <> 'cancelled'), 0) AS revenue,
  min(r.created_at)                                                  AS first_order_at,
  max(r.created_at)                                                  AS last_order_at
FROM silver.stg_customers AS c
LEFT JOIN order_revenue AS r ON r.customer_id = c.customer_id
GROUP BY c.customer_id, c.name, c.email, c.region
