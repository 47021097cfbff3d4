package dev.floe.testing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileIOTest {

  private final LocalFileIO io = new LocalFileIO();

  @Test
  void writesAndReadsFilesCreatingFoldersAndKeepingTheLocationText(@TempDir Path root)
      throws Exception {
    String location = "file:" + root + "/db/t/metadata/v1.json";
    OutputFile out = io.newOutputFile(location);
    try (OutputStream stream = out.create()) {
      stream.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    InputFile in = io.newInputFile(location);
    assertThat(in.location()).isEqualTo(location);
    assertThat(out.toInputFile().location()).isEqualTo(location);
    assertThat(in.exists()).isTrue();
    assertThat(in.getLength()).isEqualTo(2);
    try (InputStream stream = in.newStream()) {
      assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }
    assertThat(root.resolve("db/t/metadata/v1.json")).hasContent("{}");
    assertThatThrownBy(out::create).isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void acceptsPlainPathsAndTripleSlashUris(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("a.txt"), "a");

    assertThat(io.newInputFile(root + "/a.txt").exists()).isTrue();
    assertThat(io.newInputFile("file://" + root + "/a.txt").exists()).isTrue();
    assertThat(io.newInputFile(root + "/missing").exists()).isFalse();
  }

  @Test
  void rejectsLocationsThatAreNotLocalAndAbsolute() {
    assertThatThrownBy(() -> io.newInputFile("s3://bucket/key"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> io.newInputFile("relative/path"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> io.newInputFile("file://host/tmp/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsAndDeletesByPrefix(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("t/data"));
    Files.writeString(root.resolve("t/data/1.parquet"), "1");
    Files.writeString(root.resolve("t/data/2.parquet"), "22");
    Files.writeString(root.resolve("other.txt"), "x");

    assertThat(io.listPrefix(root + "/t"))
        .extracting(FileInfo::location, FileInfo::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(root + "/t/data/1.parquet", 1L),
            org.assertj.core.groups.Tuple.tuple(root + "/t/data/2.parquet", 2L));
    io.deleteFile(root + "/t/data/1.parquet");
    io.deleteFile(root + "/t/data/1.parquet");
    io.deletePrefix(root + "/t");

    assertThat(root.resolve("t")).doesNotExist();
    assertThat(root.resolve("other.txt")).exists();
    assertThat(io.listPrefix(root + "/t")).isEmpty();
  }

  @Test
  void keepsItsProperties() {
    io.initialize(Map.of("k", "v"));
    assertThat(io.properties()).containsExactly(Map.entry("k", "v"));
  }
}
