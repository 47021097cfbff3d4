package dev.floe.runtime.engine;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.runtime.AssetContext;
import dev.floe.runtime.AssetLog;
import dev.floe.runtime.RunListener;
import dev.floe.runtime.RuntimeCode;
import dev.floe.runtime.observe.AssetObserver;
import dev.floe.runtime.table.TableWrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Schema;
import org.jspecify.annotations.Nullable;

/** The {@link AssetContext} of one asset in one run; records what the table helpers did. */
final class DefaultAssetContext implements AssetContext {
  private final AssetSpec spec;
  private final RunInfo run;
  private final AssetObserver observer;
  private final RunResources resources;
  private final RunResources.AssetScope scope;
  private final AssetLog log;
  private final List<TableWrite> writes = new ArrayList<>();
  private final Map<String, Schema> reads = new LinkedHashMap<>();

  DefaultAssetContext(
      AssetSpec spec,
      RunInfo run,
      AssetObserver observer,
      RunListener listener,
      RunResources resources,
      RunResources.AssetScope scope) {
    this.spec = spec;
    this.run = run;
    this.observer = observer;
    this.resources = resources;
    this.scope = scope;
    this.log = new ListenerLog(spec.name(), listener);
  }

  @Override
  public String assetName() {
    return spec.name();
  }

  @Override
  public Optional<String> group() {
    return spec.group();
  }

  @Override
  public String pipeline() {
    return run.pipeline();
  }

  @Override
  public String environment() {
    return run.environment();
  }

  @Override
  public String runId() {
    return run.runId();
  }

  @Override
  public List<String> inputs() {
    return spec.inputs();
  }

  @Override
  public List<String> outputs() {
    return spec.outputs();
  }

  @Override
  public Map<String, String> metadata() {
    return spec.metadata();
  }

  @Override
  public AssetLog log() {
    return log;
  }

  @Override
  public void setAttribute(String key, String value) {
    observer.setAttribute(key, value);
  }

  @Override
  public void setAttribute(String key, long value) {
    observer.setAttribute(key, value);
  }

  @Override
  public void setAttribute(String key, double value) {
    observer.setAttribute(key, value);
  }

  @Override
  public void setAttribute(String key, boolean value) {
    observer.setAttribute(key, value);
  }

  @Override
  public String table(String table) {
    String name = TableNames.normalize(table, run.defaultNamespace());
    String sqlName = resources.tables().load(scope.connection(), name);
    resources.tables().loadedSchema(name).ifPresent(s -> record(name, s));
    return sqlName;
  }

  @Override
  public long writeTable(String table, String sql) {
    String name = checkOutput(table);
    for (String input : spec.inputs()) {
      table(input);
    }
    TableWrite write = resources.tables().writeQuery(scope.connection(), name, sql);
    recordWrite(write);
    return write.rows();
  }

  @Override
  public <T extends Record> long writeRows(
      String table, Class<T> type, Iterable<? extends T> rows) {
    String name = checkOutput(table);
    TableWrite write = resources.tables().writeRows(name, type, rows);
    recordWrite(write);
    return write.rows();
  }

  private synchronized void record(String name, Schema schema) {
    reads.put(name, schema);
  }

  private synchronized void recordWrite(TableWrite write) {
    writes.add(write);
  }

  private String checkOutput(String table) {
    if (!TableNames.valid(table)) {
      throw new ProblemException(
          Problem.error(
                  RuntimeCode.U008,
                  "asset " + spec.name() + " writes '" + table + "', which is not a table name")
              .hint("write tables as namespace.table, for example silver.stg_orders")
              .build());
    }
    String name = TableNames.normalize(table, run.defaultNamespace());
    if (!spec.outputs().contains(name)) {
      throw new ProblemException(
          Problem.error(
                  RuntimeCode.U045,
                  "asset "
                      + spec.name()
                      + " writes "
                      + name
                      + ", which is not among its outputs "
                      + spec.outputs())
              .hint(
                  "add \""
                      + name
                      + "\" to @FloeAsset(outputs = ...) of "
                      + spec.origin()
                      + ", so that the graph, lineage and selection know who writes it")
              .build());
    }
    return name;
  }

  /** Rows the helpers wrote, when they wrote any. */
  synchronized Optional<Long> rowsWritten() {
    return writes.isEmpty()
        ? Optional.empty()
        : Optional.of(writes.stream().mapToLong(TableWrite::rows).sum());
  }

  /** Schemas of the tables the helpers wrote, by name. */
  synchronized Map<String, Schema> outputSchemas() {
    Map<String, Schema> out = new LinkedHashMap<>();
    for (TableWrite w : writes) {
      out.put(w.table().toString(), w.schema());
    }
    return out;
  }

  /** Schemas of the tables the helpers read, by name. */
  synchronized Map<String, Schema> inputSchemas() {
    return new LinkedHashMap<>(reads);
  }

  /** Sends log lines to the run's listener. */
  static final class ListenerLog implements AssetLog {
    private final String asset;
    private final RunListener listener;

    ListenerLog(String asset, RunListener listener) {
      this.asset = asset;
      this.listener = listener;
    }

    @Override
    public void info(String message, @Nullable Object... args) {
      emit(RunListener.Level.INFO, message, args);
    }

    @Override
    public void warn(String message, @Nullable Object... args) {
      emit(RunListener.Level.WARN, message, args);
    }

    @Override
    public void error(String message, @Nullable Object... args) {
      emit(RunListener.Level.ERROR, message, args);
    }

    private void emit(RunListener.Level level, String message, @Nullable Object[] args) {
      try {
        listener.log(asset, level, format(message, args));
      } catch (RuntimeException ignored) {
        // a listener must never break an asset
      }
    }

    /** SLF4J-style {@code {}} placeholders; a trailing throwable is appended. */
    static String format(String message, @Nullable Object[] args) {
      StringBuilder out = new StringBuilder(message.length() + 16);
      int arg = 0;
      int i = 0;
      while (i < message.length()) {
        if (i + 1 < message.length()
            && message.charAt(i) == '{'
            && message.charAt(i + 1) == '}'
            && arg < args.length) {
          out.append(args[arg++]);
          i += 2;
        } else {
          out.append(message.charAt(i++));
        }
      }
      if (arg < args.length && args[args.length - 1] instanceof Throwable t) {
        out.append(": ").append(t);
      }
      return out.toString();
    }
  }
}
