package dev.floe.catalog.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.io.BulkDeletionFailureException;
import org.apache.iceberg.io.DelegateFileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.util.SerializableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Iceberg {@code FileIO} for local folders, on {@code java.nio} only (Iceberg's own local access
 * goes through Hadoop). Use it for {@code local} storage profiles: set it as a catalog's {@code
 * io-impl} ({@code dev.floe.catalog.storage.LocalFileIO}) or pass an instance.
 *
 * <p>Locations are absolute paths or {@code file:} URIs ({@code file:/a/b}, {@code file:///a/b});
 * they are taken literally, without percent-decoding, as Hadoop does. Relative locations are
 * rejected: resolve them against the project folder first with {@link LocalPaths}. Writing goes to
 * a hidden temporary file beside the target, which is synced and then moved into place on close:
 * {@link OutputFile#create()} fails with {@code AlreadyExistsException} if the target exists (also
 * when it appears while writing), {@link OutputFile#createOrOverwrite()} replaces it atomically.
 * Prefix operations treat the prefix as a folder (or a single file), as on any hierarchical file
 * system. Deleting a missing file is not an error.
 *
 * <p>Thread-safe; the streams it opens are not, as usual for streams.
 */
public final class LocalFileIO implements DelegateFileIO {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LocalFileIO.class);

  /** The suffix of the temporary files that hold data while it is written. */
  static final String TEMPORARY_SUFFIX = ".floe-tmp";

  private volatile SerializableMap<String, String> properties = SerializableMap.copyOf(Map.of());

  /** A local FileIO; it needs no properties. */
  public LocalFileIO() {}

  /**
   * An input file for {@code location}; the file need not exist yet.
   *
   * @throws IllegalArgumentException when the location is not an absolute local location
   */
  @Override
  public InputFile newInputFile(String location) {
    return new LocalInputFile(location, LocalLocations.path(location), -1);
  }

  /**
   * An input file for {@code location} whose length is already known, so no file system call is
   * needed to learn it.
   *
   * @throws IllegalArgumentException when the location is not an absolute local location
   */
  @Override
  public InputFile newInputFile(String location, long length) {
    return new LocalInputFile(location, LocalLocations.path(location), length);
  }

  /**
   * An output file for {@code location}; nothing is created until it is written.
   *
   * @throws IllegalArgumentException when the location is not an absolute local location
   */
  @Override
  public OutputFile newOutputFile(String location) {
    return new LocalOutputFile(location, LocalLocations.path(location));
  }

  /**
   * Deletes the file at {@code location}; a missing file is not an error.
   *
   * @throws RuntimeIOException when the file exists and cannot be deleted
   */
  @Override
  public void deleteFile(String location) {
    Path path = LocalLocations.path(location);
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new RuntimeIOException(e, "Failed to delete file: %s", location);
    }
  }

  /**
   * Deletes every file in {@code locations}, going on after failures.
   *
   * @throws BulkDeletionFailureException counting the files that could not be deleted
   */
  @Override
  public void deleteFiles(Iterable<String> locations) throws BulkDeletionFailureException {
    int failures = 0;
    for (String location : locations) {
      try {
        deleteFile(location);
      } catch (RuntimeIOException | IllegalArgumentException e) {
        LOG.warn("Failed to delete {}", location, e);
        failures++;
      }
    }
    if (failures > 0) {
      throw new BulkDeletionFailureException(failures);
    }
  }

  /**
   * Every file under the folder {@code prefix}, recursively (or the file {@code prefix} itself);
   * nothing when it does not exist. Temporary files of writes in progress are left out. Locations
   * are reported in the form of {@code prefix}.
   *
   * @throws RuntimeIOException when the folder cannot be read
   */
  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    Path root = LocalLocations.path(prefix);
    List<FileInfo> files = new ArrayList<>();
    try {
      if (Files.isRegularFile(root)) {
        addFileInfo(files, prefix, root);
      } else if (Files.isDirectory(root)) {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(root)) {
          found =
              walk.filter(Files::isRegularFile)
                  .filter(p -> !p.getFileName().toString().endsWith(TEMPORARY_SUFFIX))
                  .sorted()
                  .toList();
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        for (Path file : found) {
          addFileInfo(files, LocalLocations.child(prefix, root.relativize(file)), file);
        }
      }
    } catch (IOException e) {
      throw new RuntimeIOException(e, "Failed to list prefix: %s", prefix);
    }
    return files;
  }

  /**
   * Deletes the folder {@code prefix} with everything in it (or the file {@code prefix}); nothing
   * happens when it does not exist.
   *
   * @throws RuntimeIOException when something cannot be deleted
   */
  @Override
  public void deletePrefix(String prefix) {
    Path root = LocalLocations.path(prefix);
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              try {
                Files.deleteIfExists(dir);
              } catch (DirectoryNotEmptyException e) {
                // A concurrent writer added a file; what it wrote is not ours to delete.
                LOG.warn("Folder {} gained files while being deleted; kept", dir);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      LOG.debug("{} disappeared while being deleted", e.getFile());
    } catch (IOException e) {
      throw new RuntimeIOException(e, "Failed to delete prefix: %s", prefix);
    }
  }

  /** The properties given to {@link #initialize(Map)}; empty before. */
  @Override
  public Map<String, String> properties() {
    return properties.immutableMap();
  }

  /**
   * Keeps {@code properties} for {@link #properties()}; none of them changes how files are
   * accessed.
   *
   * @param properties catalog properties; not null
   */
  @Override
  public void initialize(Map<String, String> properties) {
    this.properties = SerializableMap.copyOf(properties);
  }

  private static void addFileInfo(List<FileInfo> files, String location, Path path)
      throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      // Deleted while listing: it is no longer under the prefix.
      return;
    }
    files.add(new FileInfo(location, attributes.size(), attributes.lastModifiedTime().toMillis()));
  }
}
