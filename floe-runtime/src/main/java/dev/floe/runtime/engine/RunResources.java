package dev.floe.runtime.engine;

import static java.util.Objects.requireNonNull;

import dev.floe.catalog.OpenedCatalog;
import dev.floe.core.api.Api;
import dev.floe.runtime.AssetContext;
import dev.floe.runtime.compute.ComputeEngine;
import dev.floe.runtime.table.RunTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.io.FileIO;
import org.jspecify.annotations.Nullable;

/**
 * The resources of one run: each made on first use, once, and closed at the end of the run (the
 * last made first), also when an asset failed. Secrets are resolved when the resource that needs
 * them is made. Thread-safe.
 */
@Api(status = Api.Status.INTERNAL)
public final class RunResources implements AutoCloseable {
  /** The types floe itself injects, as messages name them. */
  public static final List<String> BUILT_IN =
      List.of(
          "AssetContext",
          "org.apache.iceberg.catalog.Catalog",
          "org.apache.iceberg.io.FileIO",
          "java.sql.Connection",
          "javax.sql.DataSource");

  private final Supplier<OpenedCatalog> catalogFactory;
  private final Supplier<ComputeEngine> engineFactory;
  private final TablesFactory tablesFactory;
  private final Map<Class<?>, Registered<?>> registered;
  private final Path scratch;
  private final Deque<AutoCloseable> made = new ArrayDeque<>();
  private @Nullable OpenedCatalog catalog;
  private @Nullable ComputeEngine engine;
  private @Nullable RunTables tables;
  private final Map<Class<?>, Object> userValues = new LinkedHashMap<>();
  private boolean closed;

  /**
   * @param catalogFactory opens the catalog and storage
   * @param engineFactory opens the compute engine
   * @param tablesFactory makes the table helpers
   * @param registered the application's resources
   * @param scratch a folder of this run for copies, deleted at the end
   */
  public RunResources(
      Supplier<OpenedCatalog> catalogFactory,
      Supplier<ComputeEngine> engineFactory,
      TablesFactory tablesFactory,
      Map<Class<?>, Registered<?>> registered,
      Path scratch) {
    this.catalogFactory = requireNonNull(catalogFactory, "catalogFactory");
    this.engineFactory = requireNonNull(engineFactory, "engineFactory");
    this.tablesFactory = requireNonNull(tablesFactory, "tablesFactory");
    this.registered = Map.copyOf(registered);
    this.scratch = requireNonNull(scratch, "scratch");
  }

  /** The opened catalog profile. */
  public synchronized OpenedCatalog catalog() {
    checkOpen();
    if (catalog == null) {
      catalog = catalogFactory.get();
      made.push(catalog);
    }
    return catalog;
  }

  /** The compute engine. */
  public synchronized ComputeEngine engine() {
    checkOpen();
    if (engine == null) {
      engine = engineFactory.get();
      made.push(engine);
    }
    return engine;
  }

  /** The table helpers. */
  public RunTables tables() {
    OpenedCatalog c = catalog();
    ComputeEngine e = engine();
    synchronized (this) {
      checkOpen();
      if (tables == null) {
        tables = tablesFactory.open(c, e, scratch);
        made.push(tables);
      }
      return tables;
    }
  }

  /** Whether {@code type} can be injected: a built-in type or one the application registered. */
  public boolean canInject(Class<?> type) {
    return builtIn(type) || registeredFor(type) != null;
  }

  /** The names of everything injectable, built-in types first. */
  public List<String> injectableNames() {
    List<String> names = new ArrayList<>(BUILT_IN);
    registered.keySet().stream().map(Class::getName).sorted().forEach(names::add);
    return names;
  }

  /** The injectable types as the graph checks them. */
  public AssetGraph.Injectable injectable() {
    return new AssetGraph.Injectable() {
      @Override
      public boolean canInject(Class<?> type) {
        return RunResources.this.canInject(type);
      }

      @Override
      public List<String> names() {
        return injectableNames();
      }
    };
  }

  /**
   * The value for a parameter of {@code type} of one asset.
   *
   * @param type the parameter type, which {@link #canInject} accepted
   * @param context the asset's context
   * @param asset the asset's own resources (its connection)
   */
  public Object value(Class<?> type, AssetContext context, AssetScope asset) {
    if (type == AssetContext.class) {
      return context;
    }
    if (type == Catalog.class) {
      return catalog().catalog();
    }
    if (type == FileIO.class) {
      return catalog().io();
    }
    if (type == Connection.class) {
      return asset.connection();
    }
    if (type == DataSource.class) {
      return engine().dataSource();
    }
    Registered<?> resource = registeredFor(type);
    if (resource == null) {
      throw new IllegalStateException("not injectable: " + type.getName());
    }
    return user(resource);
  }

  /** A new scope for one asset's own resources. */
  public AssetScope scope() {
    return new AssetScope();
  }

  private boolean builtIn(Class<?> type) {
    return type == AssetContext.class
        || type == Catalog.class
        || type == FileIO.class
        || type == Connection.class
        || type == DataSource.class;
  }

  private @Nullable Registered<?> registeredFor(Class<?> type) {
    Registered<?> exact = registered.get(type);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<Class<?>, Registered<?>> e : registered.entrySet()) {
      if (type.isAssignableFrom(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private synchronized Object user(Registered<?> resource) {
    checkOpen();
    Object value = userValues.get(resource.type());
    if (value == null) {
      value = requireNonNull(resource.factory().get(), "resource factory returned null");
      userValues.put(resource.type(), value);
      if (resource.closeAtEnd() && value instanceof AutoCloseable closeable) {
        made.push(closeable);
      }
    }
    return value;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the run's resources are closed");
    }
  }

  /**
   * Closes everything made, the last made first; reports what failed to close and goes on.
   *
   * @param failures told of each resource that threw while closing
   */
  public void close(Consumer<Exception> failures) {
    List<AutoCloseable> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(made);
      made.clear();
    }
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        failures.accept(e);
      }
    }
    TablesFactory.deleteQuietly(scratch);
  }

  @Override
  public void close() {
    close(e -> {});
  }

  /** An application resource: its type, how to make it, whether floe closes it. */
  public record Registered<T>(Class<T> type, Supplier<? extends T> factory, boolean closeAtEnd) {
    public Registered {
      requireNonNull(type, "type");
      requireNonNull(factory, "factory");
    }
  }

  /** Makes the table helpers of a run. */
  @FunctionalInterface
  public interface TablesFactory {
    /** The helpers over {@code catalog} and {@code engine}, copying into {@code scratch}. */
    RunTables open(OpenedCatalog catalog, ComputeEngine engine, Path scratch);

    /** Deletes {@code folder} and what is in it; never throws. */
    static void deleteQuietly(Path folder) {
      try (var walk = java.nio.file.Files.walk(folder)) {
        walk.sorted(java.util.Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    java.nio.file.Files.deleteIfExists(p);
                  } catch (java.io.IOException e) {
                    // best effort: a scratch file left behind is harmless
                  }
                });
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        // the folder was never made, or is gone already
      }
    }
  }

  /** One asset's own resources: its compute connection, opened on first use. */
  public final class AssetScope implements AutoCloseable {
    private @Nullable Connection connection;

    /** The asset's connection to the compute engine, opened on first use. */
    public synchronized Connection connection() {
      if (connection == null) {
        connection = engine().connect();
      }
      return connection;
    }

    /** Whether the asset opened a connection. */
    public synchronized boolean connected() {
      return connection != null;
    }

    @Override
    public synchronized void close() {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException e) {
          // the engine closes what is left at the end of the run
        }
        connection = null;
      }
    }
  }
}
