package dev.floe.runtime.observe;

import dev.floe.core.compile.CompiledArtifacts;
import dev.floe.core.model.AccessDelegation;
import dev.floe.core.model.CatalogProfile;
import dev.floe.core.model.CatalogType;
import dev.floe.core.model.ClassificationSource;
import dev.floe.core.model.ComputeProfile;
import dev.floe.core.model.ComputeType;
import dev.floe.core.model.Credentials;
import dev.floe.core.model.FloeSpec;
import dev.floe.core.model.OtlpProtocol;
import dev.floe.core.model.PlatformObservability;
import dev.floe.core.model.PlatformSource;
import dev.floe.core.model.Signals;
import dev.floe.core.model.StorageProfile;
import dev.floe.core.model.StorageType;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.secret.SecretResolver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CompiledArtifacts as the compiler would write them, with the observability block of a test. */
final class TestArtifacts {
  static final String PIPELINE = "customer-analytics";

  private TestArtifacts() {}

  static PlatformObservability observability(
      Optional<StringOrSecret> otlp, Optional<StringOrSecret> lineage) {
    return new PlatformObservability(
        Signals.ALL,
        otlp,
        OtlpProtocol.HTTP_PROTOBUF,
        lineage,
        Optional.of("acme-dev"),
        1.0,
        Map.of("service.name", PIPELINE, "team", "analytics"));
  }

  static PlatformObservability endpoints(String otlp, String lineage) {
    return observability(
        Optional.of(StringOrSecret.literal(otlp)), Optional.of(StringOrSecret.literal(lineage)));
  }

  static CompiledArtifacts local(PlatformObservability observability) {
    return artifacts(
        new CatalogProfile(
            CatalogType.JDBC,
            Optional.of(StringOrSecret.literal("jdbc:sqlite:.floe/catalog.db")),
            "warehouse",
            "demo",
            AccessDelegation.NONE,
            true,
            Map.of(),
            Credentials.NONE),
        new StorageProfile(
            StorageType.LOCAL,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(".floe/warehouse"),
            false,
            Credentials.NONE),
        observability);
  }

  static CompiledArtifacts artifacts(
      CatalogProfile catalog, StorageProfile storage, PlatformObservability observability) {
    return new CompiledArtifacts(
        CompiledArtifacts.VERSION,
        new CompiledArtifacts.Metadata(
            PIPELINE,
            "1.0.0",
            Instant.parse("2026-01-01T00:00:00Z"),
            "0.1.0",
            "floe.yaml",
            "sha256:00",
            "sha256:00"),
        "dev",
        "1.0.0",
        new PlatformSource.BuiltinLocal(),
        new CompiledArtifacts.Resolved<>("default", catalog),
        new CompiledArtifacts.Resolved<>("default", storage),
        new CompiledArtifacts.Resolved<>(
            "default", new ComputeProfile(ComputeType.DUCKDB, Map.of(), Credentials.NONE)),
        observability,
        List.of("com.acme.analytics"),
        List.of(),
        new FloeSpec.Governance(ClassificationSource.DBT_META, true));
  }

  static SecretResolver noSecrets(Path root) {
    return new SecretResolver(Map.of(), root, List.of());
  }

  static AssetDescriptor asset(String name) {
    return new AssetDescriptor(
        name,
        Optional.of("bronze"),
        "table",
        "",
        List.of("bronze.raw_orders"),
        List.of("silver." + name),
        Map.of("owner", "data-eng"));
  }
}
