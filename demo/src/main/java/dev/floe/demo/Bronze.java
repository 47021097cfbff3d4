package dev.floe.demo;

import dev.floe.runtime.AssetContext;
import dev.floe.runtime.AssetContext.Decimal;
import dev.floe.runtime.FloeAsset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bronze: the raw tables, as a shop's systems would deliver them. Every table has its own seed, so
 * the data is the same on every run, in every environment, whatever runs in parallel. Some rows are
 * re-sent later (duplicates with a newer {@code created_at}) and a few are invalid.
 */
public final class Bronze {
  static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);
  static final String[] REGIONS = {"north", " South", "EAST ", "west"};
  static final String[] CATEGORIES = {"books", "games", "garden", "kitchen", "toys"};
  static final String[] STATUSES = {"placed", "shipped", "delivered", "cancelled"};
  static final int CUSTOMERS = 975;
  static final int PRODUCTS = 96;
  static final int ORDERS = 4940;

  public record Customer(
      long customerId, String name, String email, String region, LocalDateTime createdAt) {}

  public record Product(
      long productId,
      String name,
      String category,
      @Decimal(precision = 10, scale = 2) BigDecimal price,
      String sku,
      LocalDateTime createdAt) {}

  public record Order(
      long orderId,
      long customerId,
      String status,
      String region,
      @Decimal(precision = 12, scale = 2) BigDecimal totalAmount,
      LocalDateTime createdAt) {}

  public record OrderItem(
      long orderItemId,
      long orderId,
      long productId,
      int quantity,
      @Decimal(precision = 10, scale = 2) BigDecimal price,
      @Decimal(precision = 4, scale = 2) BigDecimal discount,
      @Decimal(precision = 12, scale = 2) BigDecimal subtotal,
      LocalDateTime createdAt) {}

  /** 1 000 rows: 975 customers, 20 of them sent twice, and 5 without an e-mail address. */
  @FloeAsset(outputs = "bronze.raw_customers", group = "bronze")
  public long rawCustomers(AssetContext context) {
    SplittableRandom random = new SplittableRandom(1);
    List<Customer> rows = new ArrayList<>();
    for (long id = 1; id <= CUSTOMERS; id++) {
      rows.add(customer(id, random, START.plusMinutes(id * 7)));
    }
    for (int i = 0; i < 20; i++) {
      Customer old = rows.get(random.nextInt(CUSTOMERS));
      rows.add(customer(old.customerId(), random, old.createdAt().plusDays(30)));
    }
    for (long id = CUSTOMERS + 1; id <= CUSTOMERS + 5; id++) {
      rows.add(new Customer(id, "Guest " + id, null, "north", START.plusDays(2)));
    }
    return context.writeRows("bronze.raw_customers", Customer.class, rows);
  }

  /** 100 rows: 96 products, 2 of them re-priced later, and 2 with a negative price. */
  @FloeAsset(outputs = "bronze.raw_products", group = "bronze")
  public long rawProducts(AssetContext context) {
    List<Product> rows = new ArrayList<>();
    for (long id = 1; id <= PRODUCTS; id++) {
      rows.add(product(id, price(id), START));
    }
    rows.add(product(7, price(7).add(BigDecimal.ONE), START.plusDays(60)));
    rows.add(product(42, price(42).add(BigDecimal.TEN), START.plusDays(90)));
    rows.add(product(PRODUCTS + 1, new BigDecimal("-1.00"), START));
    rows.add(product(PRODUCTS + 2, new BigDecimal("-9.99"), START));
    return context.writeRows("bronze.raw_products", Product.class, rows);
  }

  /**
   * 5 000 rows: 4 940 orders, 60 of them sent again with a newer status; 40 (every 123rd) name a
   * customer that does not exist. The total is the sum of the order's items.
   */
  @FloeAsset(outputs = "bronze.raw_orders", group = "bronze")
  public long rawOrders(AssetContext context) {
    SplittableRandom random = new SplittableRandom(3);
    List<Order> rows = new ArrayList<>();
    for (long id = 1; id <= ORDERS; id++) {
      long customer = id % 123 == 0 ? 99_000 + id : 1 + random.nextInt(CUSTOMERS);
      String status = STATUSES[random.nextInt(STATUSES.length)];
      rows.add(order(id, customer, status, START.plusMinutes(id * 50)));
    }
    for (int i = 0; i < 60; i++) {
      Order old = rows.get(random.nextInt(ORDERS));
      rows.add(order(old.orderId(), old.customerId(), "delivered", old.createdAt().plusDays(3)));
    }
    return context.writeRows("bronze.raw_orders", Order.class, rows);
  }

  /** About 15 000 rows: 1 to 5 items per order; a few have no quantity or an unknown product. */
  @FloeAsset(outputs = "bronze.raw_order_items", group = "bronze")
  public long rawOrderItems(AssetContext context) {
    List<OrderItem> rows = new ArrayList<>();
    long itemId = 1;
    for (long orderId = 1; orderId <= ORDERS; orderId++) {
      for (OrderItem item : items(orderId)) {
        rows.add(
            new OrderItem(
                itemId++,
                item.orderId(),
                item.productId(),
                item.quantity(),
                item.price(),
                item.discount(),
                item.subtotal(),
                item.createdAt()));
      }
    }
    return context.writeRows("bronze.raw_order_items", OrderItem.class, rows);
  }

  /** The items of one order, the same for the orders table (its total) and the items table. */
  static List<OrderItem> items(long orderId) {
    SplittableRandom random = new SplittableRandom(1_000_003L * orderId);
    int count = 1 + random.nextInt(5);
    List<OrderItem> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long product = orderId % 997 == 0 && i == 0 ? 5_000 : 1 + random.nextInt(PRODUCTS);
      int quantity = orderId % 331 == 0 && i == 0 ? 0 : 1 + random.nextInt(4);
      BigDecimal price = price(product);
      BigDecimal discount = BigDecimal.valueOf(random.nextInt(5) * 5L, 2);
      BigDecimal subtotal =
          price
              .multiply(BigDecimal.valueOf(quantity))
              .multiply(BigDecimal.ONE.subtract(discount))
              .setScale(2, RoundingMode.HALF_UP);
      items.add(
          new OrderItem(
              0,
              orderId,
              product,
              quantity,
              price,
              discount,
              subtotal,
              START.plusMinutes(orderId * 50)));
    }
    return items;
  }

  static BigDecimal price(long productId) {
    return BigDecimal.valueOf(199 + (productId * 7919) % 9800, 2);
  }

  private static Customer customer(long id, SplittableRandom random, LocalDateTime at) {
    String first = "Customer" + id;
    String email = (random.nextBoolean() ? " " : "") + first + "@Example.com";
    return new Customer(
        id, first + " " + (char) ('A' + id % 26), email, REGIONS[(int) (id % 4)], at);
  }

  private static Product product(long id, BigDecimal price, LocalDateTime at) {
    String category = CATEGORIES[(int) (id % CATEGORIES.length)];
    return new Product(id, "Product " + id, category, price, "SKU-" + (10_000 + id), at);
  }

  private static Order order(long id, long customer, String status, LocalDateTime at) {
    BigDecimal total =
        items(id).stream().map(OrderItem::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Order(id, customer, status, REGIONS[(int) (id % 4)], total, at);
  }
}
