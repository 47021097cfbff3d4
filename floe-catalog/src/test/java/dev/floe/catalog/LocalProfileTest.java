package dev.floe.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.catalog.storage.LocalFileIO;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded profile, {@code platform/local}: a {@code jdbc} catalog on a SQLite file and {@code
 * local} storage, both with relative paths, against a project folder — create, write, read,
 * overwrite and reopen the same file from fresh catalogs.
 */
class LocalProfileTest {
  private static final TableIdentifier ORDERS = TableIdentifier.of("demo", "raw_orders");

  @TempDir Path project;
  @TempDir Path secrets;

  private CatalogContext context() {
    return Profiles.context(
        Profiles.catalog(CatalogType.JDBC, "jdbc:sqlite:.floe/catalog.db", Credentials.NONE),
        Profiles.local(".floe/warehouse"),
        secrets,
        project);
  }

  @Test
  void createsWritesReadsOverwritesAndReopens() {
    try (OpenedCatalog opened = Catalogs.open(context())) {
      assertThat(opened.io()).isInstanceOf(LocalFileIO.class);
      opened.namespaces().createNamespace(Namespace.of(opened.defaultNamespace()));
      Table table =
          opened.catalog().createTable(ORDERS, Tables.SCHEMA, PartitionSpec.unpartitioned());
      assertThat(table.location())
          .isEqualTo("file:" + project.resolve(".floe/warehouse/demo/raw_orders"));
      Tables.append(table, "a", 0, 50);
      Tables.append(table, "b", 50, 25);
      assertThat(Tables.ids(table)).containsExactlyInAnyOrderElementsOf(Tables.range(0, 75));
    }
    assertThat(project.resolve(".floe/catalog.db")).isRegularFile();

    for (int run = 1; run <= 2; run++) {
      // A second process opening the same SQLite file: the first one's connection is released.
      try (OpenedCatalog opened = Catalogs.open(context())) {
        Table table = opened.catalog().loadTable(ORDERS);
        table
            .newOverwrite()
            .overwriteByRowFilter(Expressions.alwaysTrue())
            .addFile(Tables.write(table, "run-" + run, 100, 40))
            .commit();
      }
    }

    try (OpenedCatalog opened = Catalogs.open(context())) {
      Table table = opened.catalog().loadTable(ORDERS);
      assertThat(Tables.ids(table)).containsExactlyInAnyOrderElementsOf(Tables.range(100, 40));
      assertThat(table.currentSnapshot().summary()).containsEntry("total-records", "40");
    }
  }

  @Test
  void twoSequentialOpensOfTheSameFileBothWork() throws Exception {
    try (OpenedCatalog first = Catalogs.open(context())) {
      first.namespaces().createNamespace(Namespace.of("one"));
    }
    try (OpenedCatalog second = Catalogs.open(context())) {
      second.namespaces().createNamespace(Namespace.of("two"));
      assertThat(second.namespaces().listNamespaces())
          .contains(Namespace.of("one"), Namespace.of("two"));
    }
    assertThat(Files.size(project.resolve(".floe/catalog.db"))).isPositive();
  }
}
