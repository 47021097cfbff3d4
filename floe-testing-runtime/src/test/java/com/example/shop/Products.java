package com.example.shop;

import dev.floe.runtime.AssetContext;
import dev.floe.runtime.FloeAsset;
import java.util.List;

/** The assets of the test project in src/test/resources/my-pipeline, found by discovery. */
public final class Products {
  public record Product(String sku, String name, double price) {}

  @FloeAsset(outputs = "products", group = "bronze")
  public long products(AssetContext context) {
    return context.writeRows(
        "products",
        Product.class,
        List.of(
            new Product("A-1", "anvil", 120.0),
            new Product("B-2", "bucket", 8.5),
            new Product("C-3", "crate", 15.0)));
  }

  @FloeAsset(inputs = "products", outputs = "cheap_products", group = "silver")
  public long cheapProducts(AssetContext context) {
    context.log().info("keeping products under {}", 20);
    return context.writeTable(
        "cheap_products", "SELECT sku, name FROM shop.products WHERE price < 20 ORDER BY sku");
  }
}
