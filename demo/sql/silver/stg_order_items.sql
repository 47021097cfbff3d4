-- Items of valid orders with a known product and a positive quantity.
SELECT
  i.order_item_id,
  i.order_id,
  i.product_id,
  i.quantity,
  i.price,
  i.discount,
  i.subtotal,
  i.created_at
FROM bronze.raw_order_items AS i
JOIN silver.stg_orders AS o ON o.order_id = i.order_id
JOIN silver.stg_products AS p ON p.product_id = i.product_id
WHERE i.quantity > 0
QUALIFY row_number() OVER (PARTITION BY i.order_item_id ORDER BY i.created_at DESC) = 1
