package dev.floe.catalog.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.BulkDeletionFailureException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.RangeReadable;
import org.apache.iceberg.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalFileIO}: Iceberg's FileIO contract on a local folder. */
class LocalFileIOTest {
  @TempDir Path dir;

  private final LocalFileIO io = new LocalFileIO();

  private String location(String relative) {
    return "file:" + dir.resolve(relative);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void write(OutputFile file, String text) throws IOException {
    try (PositionOutputStream out = file.create()) {
      out.write(bytes(text));
    }
  }

  @Test
  void writesAndReadsBackWithPositions() throws IOException {
    OutputFile file = io.newOutputFile(location("db/t/data/0001.parquet"));
    try (PositionOutputStream out = file.create()) {
      assertThat(out.getPos()).isZero();
      out.write('P');
      out.write(bytes("AR1-body-"));
      out.write(new byte[70_000], 0, 70_000);
      out.write(bytes("-tail"));
      assertThat(out.getPos()).isEqualTo(1 + 9 + 70_000 + 5);
      assertThat(out.storedLength()).isEqualTo(out.getPos());
    }

    InputFile in = io.newInputFile(file.location());
    assertThat(in.exists()).isTrue();
    assertThat(in.getLength()).isEqualTo(70_015);
    assertThat(in.location()).isEqualTo(file.location());
    try (SeekableInputStream stream = in.newStream()) {
      assertThat(stream.read()).isEqualTo('P');
      byte[] head = new byte[9];
      assertThat(stream.read(head, 0, 9)).isEqualTo(9);
      assertThat(new String(head, StandardCharsets.UTF_8)).isEqualTo("AR1-body-");
      assertThat(stream.getPos()).isEqualTo(10);
      stream.seek(70_010);
      assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("-tail");
      assertThat(stream.read()).isEqualTo(-1);
      stream.seek(1);
      assertThat(stream.read()).isEqualTo('A');

      RangeReadable ranges = (RangeReadable) stream;
      byte[] tail = new byte[5];
      assertThat(ranges.readTail(tail, 0, 5)).isEqualTo(5);
      assertThat(new String(tail, StandardCharsets.UTF_8)).isEqualTo("-tail");
      byte[] middle = new byte[4];
      ranges.readFully(1, middle);
      assertThat(new String(middle, StandardCharsets.UTF_8)).isEqualTo("AR1-");
      assertThat(stream.getPos()).as("range reads do not move the stream").isEqualTo(2);
      assertThatThrownBy(() -> ranges.readFully(70_013, new byte[4]))
          .isInstanceOf(EOFException.class);
    }
  }

  @Test
  void plainAbsolutePathsAndFileUrisNameTheSameFile() throws IOException {
    write(io.newOutputFile(dir.resolve("plain.txt").toString()), "one");

    assertThat(io.newInputFile("file://" + dir.resolve("plain.txt")).getLength()).isEqualTo(3);
    assertThat(io.newInputFile("file://localhost" + dir.resolve("plain.txt")).exists()).isTrue();
    assertThat(io.newInputFile(location("plain.txt"), 3).getLength()).isEqualTo(3);
  }

  @Test
  void createFailsWhenTheFileExists() throws IOException {
    OutputFile file = io.newOutputFile(location("metadata/v1.metadata.json"));
    write(file, "first");

    assertThatThrownBy(file::create)
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("v1.metadata.json");
    assertThat(Files.readString(dir.resolve("metadata/v1.metadata.json"))).isEqualTo("first");
  }

  @Test
  void createFailsWhenTheFileAppearsWhileWritingAndLeavesNothingBehind() throws IOException {
    OutputFile file = io.newOutputFile(location("race.json"));
    PositionOutputStream out = file.create();
    out.write(bytes("mine"));
    Files.writeString(dir.resolve("race.json"), "theirs");

    assertThatThrownBy(out::close).isInstanceOf(AlreadyExistsException.class);
    assertThat(Files.readString(dir.resolve("race.json"))).isEqualTo("theirs");
    assertThat(filesIn(dir)).containsExactly("race.json");
  }

  @Test
  void createOrOverwriteReplacesAndLeavesNoTemporaryFile() throws IOException {
    OutputFile file = io.newOutputFile(location("version-hint.text"));
    write(file, "1");
    try (PositionOutputStream out = file.createOrOverwrite()) {
      out.write(bytes("2"));
    }

    assertThat(Files.readString(dir.resolve("version-hint.text"))).isEqualTo("2");
    assertThat(filesIn(dir)).containsExactly("version-hint.text");
  }

  @Test
  void nothingIsVisibleBeforeClose() throws IOException {
    PositionOutputStream out = io.newOutputFile(location("pending.avro")).create();
    out.write(bytes("partial"));
    out.flush();

    assertThat(io.newInputFile(location("pending.avro")).exists()).isFalse();
    assertThat(io.listPrefix("file:" + dir)).isEmpty();
    out.close();
    assertThat(io.newInputFile(location("pending.avro")).exists()).isTrue();
  }

  @Test
  void missingFilesAreNotFound() {
    InputFile missing = io.newInputFile(location("missing.parquet"));

    assertThat(missing.exists()).isFalse();
    assertThatThrownBy(missing::getLength).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(missing::newStream)
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("missing.parquet");
  }

  @Test
  void deletesFilesAndIgnoresMissingOnes() throws IOException {
    write(io.newOutputFile(location("gone.txt")), "x");

    io.deleteFile(location("gone.txt"));
    io.deleteFile(location("gone.txt"));

    assertThat(Files.exists(dir.resolve("gone.txt"))).isFalse();
  }

  @Test
  void listsAFolderRecursivelyInTheFormOfThePrefix() throws IOException {
    write(io.newOutputFile(location("w/db/t/data/a.parquet")), "aa");
    write(io.newOutputFile(location("w/db/t/metadata/v1.metadata.json")), "mmm");
    write(io.newOutputFile(location("w/db/other/b.parquet")), "b");

    List<FileInfo> files = list("file:" + dir.resolve("w/db/t") + "/");

    assertThat(files)
        .extracting(FileInfo::location)
        .containsExactly(
            "file:" + dir.resolve("w/db/t/data/a.parquet"),
            "file:" + dir.resolve("w/db/t/metadata/v1.metadata.json"));
    assertThat(files).extracting(FileInfo::size).containsExactly(2L, 3L);
    assertThat(files.get(0).createdAtMillis()).isPositive();
    assertThat(list(dir.resolve("w/db/t/data/a.parquet").toString()))
        .extracting(FileInfo::location)
        .containsExactly(dir.resolve("w/db/t/data/a.parquet").toString());
    assertThat(list(location("w/none"))).isEmpty();
  }

  @Test
  void deletesAPrefixWithEverythingUnderIt() throws IOException {
    write(io.newOutputFile(location("w/db/t/data/a.parquet")), "aa");
    write(io.newOutputFile(location("w/db/t/metadata/v1.metadata.json")), "mmm");
    write(io.newOutputFile(location("w/db/keep.txt")), "k");

    io.deletePrefix(location("w/db/t"));
    io.deletePrefix(location("w/db/t"));

    assertThat(Files.exists(dir.resolve("w/db/t"))).isFalse();
    assertThat(Files.exists(dir.resolve("w/db/keep.txt"))).isTrue();
  }

  @Test
  void bulkDeletionCountsTheFailures() throws IOException {
    write(io.newOutputFile(location("a.txt")), "a");
    write(io.newOutputFile(location("b.txt")), "b");
    write(io.newOutputFile(location("full/c.txt")), "c");

    assertThatThrownBy(
            () ->
                io.deleteFiles(
                    List.of(location("a.txt"), location("full"), location("b.txt"), "relative")))
        .isInstanceOfSatisfying(
            BulkDeletionFailureException.class,
            e -> assertThat(e.numberFailedObjects()).isEqualTo(2));
    assertThat(filesIn(dir)).containsExactly("full");
  }

  @Test
  void rejectsRelativeRemoteAndForeignLocations() {
    assertThatThrownBy(() -> io.newInputFile("warehouse/t/x.parquet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is relative")
        .hasMessageContaining("LocalPaths");
    assertThatThrownBy(() -> io.newOutputFile("file:warehouse/x"))
        .hasMessageContaining("is relative");
    assertThatThrownBy(() -> io.newInputFile("file://nas.example.test/share/x"))
        .hasMessageContaining("names the host 'nas.example.test'");
    assertThatThrownBy(() -> io.newInputFile("s3://bucket/key"))
        .hasMessageContaining("is not a local file");
  }

  @Test
  void loadsByClassNameAsACatalogIoImpl() {
    FileIO loaded =
        CatalogUtil.loadFileIO(LocalFileIO.class.getName(), Map.of("warehouse", "file:/w"), null);

    assertThat(loaded).isInstanceOf(LocalFileIO.class);
    assertThat(loaded.properties()).containsEntry("warehouse", "file:/w");
  }

  @Test
  void survivesJavaSerialisation() throws Exception {
    io.initialize(Map.of("k", "v"));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(io);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(buffer.toByteArray()))) {
      LocalFileIO copy = (LocalFileIO) in.readObject();
      assertThat(copy.properties()).containsEntry("k", "v");
    }
  }

  private List<FileInfo> list(String prefix) {
    return StreamSupport.stream(io.listPrefix(prefix).spliterator(), false).toList();
  }

  private static List<String> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
