package dev.floe.catalog.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link LocalPaths}: relative paths of a profile resolve against the project folder. */
class LocalPathsTest {
  private static final Path PROJECT = Path.of("/work/project");

  @Test
  void relativePathsResolveAgainstTheProjectFolder() {
    assertThat(LocalPaths.resolve(PROJECT, ".floe/warehouse"))
        .isEqualTo(Path.of("/work/project/.floe/warehouse"));
    assertThat(LocalPaths.resolve(PROJECT, "./data/../warehouse"))
        .isEqualTo(Path.of("/work/project/warehouse"));
    assertThat(LocalPaths.resolve(PROJECT, "file:warehouse"))
        .isEqualTo(Path.of("/work/project/warehouse"));
  }

  @Test
  void absolutePathsAndFileUrisAreKept() {
    assertThat(LocalPaths.resolve(PROJECT, "/srv/warehouse")).isEqualTo(Path.of("/srv/warehouse"));
    assertThat(LocalPaths.resolve(PROJECT, "file:/srv/warehouse"))
        .isEqualTo(Path.of("/srv/warehouse"));
    assertThat(LocalPaths.resolve(PROJECT, "file:///srv/warehouse"))
        .isEqualTo(Path.of("/srv/warehouse"));
  }

  @Test
  void locationsAreFileUris() {
    assertThat(LocalPaths.location(PROJECT, ".floe/warehouse"))
        .isEqualTo("file:/work/project/.floe/warehouse");
  }

  @Test
  void aRelativeProjectFolderIsMadeAbsolute() {
    assertThat(LocalPaths.resolve(Path.of("demo"), "warehouse"))
        .isEqualTo(Path.of("demo", "warehouse").toAbsolutePath());
  }

  @Test
  void rejectsBlankPathsAndRemoteHosts() {
    assertThatThrownBy(() -> LocalPaths.resolve(PROJECT, " "))
        .hasMessage("a local path must not be blank");
    assertThatThrownBy(() -> LocalPaths.resolve(PROJECT, "file://nas/share"))
        .hasMessageContaining("names the host 'nas'");
  }

  @Test
  void jdbcUrlsOfFileDatabasesGetAnAbsoluteFile() {
    assertThat(LocalPaths.resolveJdbcUrl(PROJECT, "jdbc:sqlite:.floe/catalog.db"))
        .isEqualTo("jdbc:sqlite:/work/project/.floe/catalog.db");
    assertThat(LocalPaths.resolveJdbcUrl(PROJECT, "jdbc:sqlite:catalog.db?journal_mode=WAL"))
        .isEqualTo("jdbc:sqlite:/work/project/catalog.db?journal_mode=WAL");
    assertThat(LocalPaths.resolveJdbcUrl(PROJECT, "jdbc:sqlite:file:catalog.db?mode=rwc"))
        .isEqualTo("jdbc:sqlite:file:/work/project/catalog.db?mode=rwc");
    assertThat(LocalPaths.resolveJdbcUrl(PROJECT, "jdbc:duckdb:warehouse.duckdb"))
        .isEqualTo("jdbc:duckdb:/work/project/warehouse.duckdb");
    assertThat(LocalPaths.resolveJdbcUrl(PROJECT, "jdbc:sqlite:/srv/catalog.db"))
        .isEqualTo("jdbc:sqlite:/srv/catalog.db");
  }

  @Test
  void jdbcUrlsWithoutAFileAreUnchanged() {
    for (String url :
        new String[] {
          "jdbc:sqlite::memory:",
          "jdbc:sqlite:file::memory:?cache=shared",
          "jdbc:sqlite:",
          "jdbc:duckdb:",
          "jdbc:postgresql://db.example.test:5432/catalog",
          "jdbc:mysql://db.example.test/catalog"
        }) {
      assertThat(LocalPaths.resolveJdbcUrl(PROJECT, url)).as(url).isEqualTo(url);
    }
  }
}
