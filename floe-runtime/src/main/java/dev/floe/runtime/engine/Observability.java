package dev.floe.runtime.engine;

import dev.floe.core.api.Api;
import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.secret.SecretResolver;
import dev.floe.runtime.ObservabilityReport;
import dev.floe.runtime.observe.AssetDescriptor;
import dev.floe.runtime.observe.AssetObserver;
import dev.floe.runtime.observe.AssetOutcome;
import dev.floe.runtime.observe.RunObserver;
import org.jspecify.annotations.Nullable;

/** Tracing and lineage of one run, from its start to its shutdown. */
@Api(status = Api.Status.INTERNAL)
public interface Observability {
  /** Starts the run's span and lineage run. */
  RunObserver startRun(String runId);

  /** Flushes within a deadline and reports the counts; never throws. */
  ObservabilityReport shutdown();

  /** Makes the observability of one run. */
  @FunctionalInterface
  interface Factory {
    /** The observability of a run of {@code artifacts}. */
    Observability open(CompiledArtifacts artifacts, SecretResolver secrets);
  }

  /** Nothing recorded, nothing sent: both signals report off. */
  Observability OFF =
      new Observability() {
        @Override
        public RunObserver startRun(String runId) {
          return NOTHING;
        }

        @Override
        public ObservabilityReport shutdown() {
          return ObservabilityReport.OFF;
        }
      };

  /** A run observer that records nothing. */
  RunObserver NOTHING =
      new RunObserver() {
        @Override
        public AssetObserver asset(AssetDescriptor asset) {
          return new AssetObserver() {
            @Override
            public Scope makeCurrent() {
              return () -> {};
            }

            @Override
            public void setAttribute(String key, Object value) {}

            @Override
            public void succeeded(AssetOutcome outcome) {}

            @Override
            public void failed(Throwable error) {}
          };
        }

        @Override
        public void end(boolean success, @Nullable Throwable failure) {}
      };
}
