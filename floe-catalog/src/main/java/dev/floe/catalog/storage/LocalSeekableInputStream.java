package dev.floe.catalog.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;
import org.apache.iceberg.io.RangeReadable;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Reads a local file through positional channel reads, so seeking costs nothing and range reads do
 * not move the stream. Not thread-safe.
 */
final class LocalSeekableInputStream extends SeekableInputStream implements RangeReadable {
  private final FileChannel channel;
  private final ByteBuffer single = ByteBuffer.allocate(1);
  private long position;
  private boolean closed;

  LocalSeekableInputStream(FileChannel channel) {
    this.channel = channel;
  }

  /** The position; also after {@link #close()}, where Iceberg's writers ask for the length. */
  @Override
  public long getPos() {
    return position;
  }

  @Override
  public void seek(long newPos) throws IOException {
    checkOpen();
    if (newPos < 0) {
      throw new EOFException("Cannot seek to a negative position: " + newPos);
    }
    position = newPos;
  }

  @Override
  public int read() throws IOException {
    checkOpen();
    single.clear();
    int n = channel.read(single, position);
    if (n <= 0) {
      return -1;
    }
    position++;
    return single.get(0) & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    checkOpen();
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    int n = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
    if (n < 0) {
      return -1;
    }
    position += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    checkOpen();
    if (n <= 0) {
      return 0;
    }
    long skipped = Math.max(0, Math.min(n, channel.size() - position));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    checkOpen();
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - position));
  }

  @Override
  public void readFully(long at, byte[] buffer, int offset, int length) throws IOException {
    checkOpen();
    Objects.checkFromIndexSize(offset, length, buffer.length);
    ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
    long from = at;
    while (target.hasRemaining()) {
      int n = channel.read(target, from);
      if (n < 0) {
        throw new EOFException(
            "Reached the end of the file after "
                + (from - at)
                + " of "
                + length
                + " bytes from position "
                + at);
      }
      from += n;
    }
  }

  @Override
  public int readTail(byte[] buffer, int offset, int length) throws IOException {
    checkOpen();
    long size = channel.size();
    int n = (int) Math.min(length, size);
    readFully(size - n, buffer, offset, n);
    return n;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    channel.close();
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("Stream is closed");
    }
  }
}
