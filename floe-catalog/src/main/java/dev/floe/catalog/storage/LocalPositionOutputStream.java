package dev.floe.catalog.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.PositionOutputStream;

/**
 * Writes to a hidden temporary file beside the target and moves it into place on {@link #close()},
 * so that readers never see a partly written file. Not thread-safe.
 */
final class LocalPositionOutputStream extends PositionOutputStream {
  /** How the finished file takes the target's place. */
  enum Publish {
    /**
     * Only if the target does not exist, atomically (a hard link, where the file system has them).
     */
    CREATE,
    /** Replacing any existing target atomically (a rename). */
    REPLACE
  }

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int MAX_NAME_PREFIX = 100;

  private final String location;
  private final Path target;
  private final Path temporary;
  private final Publish publish;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
  private long position;
  private boolean closed;

  private LocalPositionOutputStream(
      String location, Path target, Path temporary, Publish publish, FileChannel channel) {
    this.location = location;
    this.target = target;
    this.temporary = temporary;
    this.publish = publish;
    this.channel = channel;
  }

  /** Creates the parent folders and the temporary file and opens it for writing. */
  static LocalPositionOutputStream open(String location, Path target, Publish publish)
      throws IOException {
    Path parent = target.getParent();
    if (parent == null) {
      throw new IOException("Cannot write to the file system root: " + location);
    }
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    String prefix = name.length() <= MAX_NAME_PREFIX ? name : name.substring(0, MAX_NAME_PREFIX);
    Path temporary =
        parent.resolve("." + prefix + "." + UUID.randomUUID() + LocalFileIO.TEMPORARY_SUFFIX);
    FileChannel channel =
        FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new LocalPositionOutputStream(location, target, temporary, publish, channel);
  }

  /** The position; also after {@link #close()}, where Iceberg's writers ask for the length. */
  @Override
  public long getPos() {
    return position;
  }

  @Override
  public void write(int b) throws IOException {
    checkOpen();
    if (!buffer.hasRemaining()) {
      drain();
    }
    buffer.put((byte) b);
    position++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    checkOpen();
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length >= BUFFER_SIZE) {
      drain();
      ByteBuffer source = ByteBuffer.wrap(bytes, offset, length);
      while (source.hasRemaining()) {
        channel.write(source);
      }
    } else {
      if (buffer.remaining() < length) {
        drain();
      }
      buffer.put(bytes, offset, length);
    }
    position += length;
  }

  @Override
  public void flush() throws IOException {
    checkOpen();
    drain();
  }

  /**
   * Syncs the data and moves it into place; idempotent.
   *
   * @throws AlreadyExistsException when {@link Publish#CREATE} finds the target created meanwhile
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    boolean published = false;
    try {
      try {
        drain();
        channel.force(true);
      } finally {
        channel.close();
      }
      publish();
      published = true;
    } finally {
      if (!published) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  private void publish() throws IOException {
    if (publish == Publish.REPLACE) {
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    try {
      // link(2) fails when the target exists, with no window between check and creation.
      Files.createLink(target, temporary);
      Files.delete(temporary);
    } catch (FileAlreadyExistsException e) {
      throw new AlreadyExistsException("File already exists: %s", location);
    } catch (UnsupportedOperationException | FileSystemException e) {
      // No hard links here (some network and FAT file systems): a move that does not replace.
      try {
        Files.move(temporary, target);
      } catch (FileAlreadyExistsException exists) {
        throw new AlreadyExistsException("File already exists: %s", location);
      }
    }
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("Stream is closed: " + location);
    }
  }
}
