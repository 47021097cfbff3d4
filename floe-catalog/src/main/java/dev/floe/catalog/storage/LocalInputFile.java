package dev.floe.catalog.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.SeekableInputStream;

/** A local file to read; immutable, thread-safe. */
final class LocalInputFile implements InputFile {
  private final String location;
  private final Path path;
  private final long knownLength;

  /**
   * @param knownLength the length when the caller knows it, else negative
   */
  LocalInputFile(String location, Path path, long knownLength) {
    this.location = location;
    this.path = path;
    this.knownLength = knownLength;
  }

  @Override
  public long getLength() {
    if (knownLength >= 0) {
      return knownLength;
    }
    try {
      return Files.size(path);
    } catch (NoSuchFileException e) {
      throw new NotFoundException(e, "File does not exist: %s", location);
    } catch (IOException e) {
      throw new RuntimeIOException(e, "Failed to get length of: %s", location);
    }
  }

  @Override
  public SeekableInputStream newStream() {
    try {
      return new LocalSeekableInputStream(FileChannel.open(path, StandardOpenOption.READ));
    } catch (NoSuchFileException e) {
      throw new NotFoundException(e, "File does not exist: %s", location);
    } catch (IOException e) {
      throw new RuntimeIOException(e, "Failed to open: %s", location);
    }
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public boolean exists() {
    return Files.isRegularFile(path);
  }

  @Override
  public String toString() {
    return location;
  }
}
