package dev.floe.testing.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * An Iceberg {@link org.apache.iceberg.io.FileIO} for a local folder that needs no Hadoop.
 *
 * <p>Locations are plain absolute paths ({@code /tmp/warehouse/db/t/metadata/v1.json}) or {@code
 * file:} URIs ({@code file:/tmp/...}, {@code file:///tmp/...}); a file keeps the exact location
 * text it was opened with. Parent folders are created on write. Name it with {@code
 * io-impl=dev.floe.testing.catalog.LocalFileIO}.
 *
 * <p>It is meant for tests on one machine. Instances are safe for use by several threads; the file
 * system decides what concurrent writers to one file see.
 */
public final class LocalFileIO implements SupportsPrefixOperations {

  /** Version of the serialized form (Iceberg serializes FileIOs into Spark tasks). */
  private static final long serialVersionUID = 1L;

  /** The properties given to {@link #initialize(Map)}; part of the serialized form. */
  private volatile Map<String, String> properties = Map.of();

  /** Creates an instance; Iceberg calls {@link #initialize(Map)} next. */
  public LocalFileIO() {}

  /**
   * Keeps the catalog properties; none of them changes how files are read or written.
   *
   * @param properties the catalog or table properties; not {@code null}
   */
  @Override
  public void initialize(Map<String, String> properties) {
    this.properties = Map.copyOf(requireNonNull(properties, "properties"));
  }

  /**
   * Returns the properties given to {@link #initialize(Map)}.
   *
   * @return an immutable map; empty before initialization
   */
  @Override
  public Map<String, String> properties() {
    return properties;
  }

  /**
   * Opens a file for reading.
   *
   * @param location an absolute path or a {@code file:} URI
   * @return the file; it need not exist yet
   * @throws IllegalArgumentException if the location is not local and absolute
   */
  @Override
  public InputFile newInputFile(String location) {
    return new LocalInput(location, org.apache.iceberg.Files.localInput(path(location).toFile()));
  }

  /**
   * Opens a file for writing.
   *
   * @param location an absolute path or a {@code file:} URI
   * @return the file
   * @throws IllegalArgumentException if the location is not local and absolute
   */
  @Override
  public OutputFile newOutputFile(String location) {
    return new LocalOutput(location, org.apache.iceberg.Files.localOutput(path(location).toFile()));
  }

  /**
   * Deletes a file; a file that does not exist is fine.
   *
   * @param location an absolute path or a {@code file:} URI
   * @throws UncheckedIOException if the file exists and cannot be deleted
   */
  @Override
  public void deleteFile(String location) {
    try {
      Files.deleteIfExists(path(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + location, e);
    }
  }

  /**
   * Lists the files under a folder location, recursively, with locations spelled in the prefix's
   * style.
   *
   * @param prefix a folder location (absolute path or {@code file:} URI)
   * @return the regular files under it; empty if the folder does not exist
   * @throws UncheckedIOException if the folder cannot be read
   */
  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    Path root = path(prefix);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    List<FileInfo> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String relative = root.relativize(file).toString().replace('\\', '/');
        files.add(
            new FileInfo(
                base + "/" + relative, attributes.size(), attributes.creationTime().toMillis()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + prefix, e);
    }
    return List.copyOf(files);
  }

  /**
   * Deletes a folder location and everything under it; a folder that does not exist is fine.
   *
   * @param prefix a folder location (absolute path or {@code file:} URI)
   * @throws UncheckedIOException if something cannot be deleted
   */
  @Override
  public void deletePrefix(String prefix) {
    Path root = path(prefix);
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        try {
          Files.deleteIfExists(file);
        } catch (NoSuchFileException gone) {
          // Deleted by someone else meanwhile: that is what was asked.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + prefix, e);
    }
  }

  /**
   * Turns a location into a path.
   *
   * @throws IllegalArgumentException if the location is neither an absolute path nor a {@code
   *     file:} URI with an absolute path
   */
  static Path path(String location) {
    requireNonNull(location, "location");
    String path = location;
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
      if (path.startsWith("///")) {
        path = path.substring(2);
      } else if (path.startsWith("//")) {
        throw new IllegalArgumentException("a file: location must not name a host: " + location);
      }
    } else if (path.indexOf(':') > 0 && path.indexOf(':') < path.indexOf('/')) {
      throw new IllegalArgumentException("not a local location: " + location);
    }
    Path result = Path.of(path);
    if (!result.isAbsolute()) {
      throw new IllegalArgumentException("a local location must be absolute: " + location);
    }
    return result.normalize();
  }

  private static final class LocalInput implements InputFile {
    private final String location;
    private final InputFile delegate;

    LocalInput(String location, InputFile delegate) {
      this.location = location;
      this.delegate = delegate;
    }

    @Override
    public long getLength() {
      return delegate.getLength();
    }

    @Override
    public SeekableInputStream newStream() {
      return delegate.newStream();
    }

    @Override
    public String location() {
      return location;
    }

    @Override
    public boolean exists() {
      return delegate.exists();
    }
  }

  private static final class LocalOutput implements OutputFile {
    private final String location;
    private final OutputFile delegate;

    LocalOutput(String location, OutputFile delegate) {
      this.location = location;
      this.delegate = delegate;
    }

    @Override
    public PositionOutputStream create() {
      return delegate.create();
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
      return delegate.createOrOverwrite();
    }

    @Override
    public String location() {
      return location;
    }

    @Override
    public InputFile toInputFile() {
      return new LocalInput(location, delegate.toInputFile());
    }
  }
}
