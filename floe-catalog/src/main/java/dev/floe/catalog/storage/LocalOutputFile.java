package dev.floe.catalog.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;

/** A local file to write; immutable, thread-safe. */
final class LocalOutputFile implements OutputFile {
  private final String location;
  private final Path path;

  LocalOutputFile(String location, Path path) {
    this.location = location;
    this.path = path;
  }

  @Override
  public PositionOutputStream create() {
    if (Files.exists(path)) {
      throw new AlreadyExistsException("File already exists: %s", location);
    }
    return open(LocalPositionOutputStream.Publish.CREATE);
  }

  @Override
  public PositionOutputStream createOrOverwrite() {
    return open(LocalPositionOutputStream.Publish.REPLACE);
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public InputFile toInputFile() {
    return new LocalInputFile(location, path, -1);
  }

  @Override
  public String toString() {
    return location;
  }

  private PositionOutputStream open(LocalPositionOutputStream.Publish publish) {
    try {
      return LocalPositionOutputStream.open(location, path, publish);
    } catch (IOException e) {
      throw new RuntimeIOException(e, "Failed to create file: %s", location);
    }
  }
}
