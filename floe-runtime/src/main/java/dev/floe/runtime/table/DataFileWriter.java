package dev.floe.runtime.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.util.PropertyUtil;
import org.jspecify.annotations.Nullable;

/**
 * Writes records into Parquet data files of a table, through the table's own FileIO (so that vended
 * credentials sign the writes), starting a new file when one reaches the table's target file size.
 * Not thread-safe: one writer per write.
 */
final class DataFileWriter implements AutoCloseable {
  /** How many rows go into a file between two checks of its size. */
  private static final int SIZE_CHECK_ROWS = 1000;

  private final Table table;
  private final long targetSize;
  private final String prefix = UUID.randomUUID().toString();
  private final List<DataFile> files = new ArrayList<>();
  private final List<String> locations = new ArrayList<>();
  private @Nullable DataWriter<Record> current;
  private long rows;
  private long rowsInFile;

  DataFileWriter(Table table) {
    this.table = table;
    this.targetSize =
        PropertyUtil.propertyAsLong(
            table.properties(),
            TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
            TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
  }

  void write(Record record) {
    DataWriter<Record> writer = current;
    if (writer == null) {
      writer = open();
    }
    writer.write(record);
    rows++;
    rowsInFile++;
    if (rowsInFile % SIZE_CHECK_ROWS == 0 && writer.length() >= targetSize) {
      finish();
    }
  }

  private DataWriter<Record> open() {
    String location =
        table
            .locationProvider()
            .newDataLocation(String.format("%05d-%s.parquet", files.size(), prefix));
    OutputFile file = table.io().newOutputFile(location);
    locations.add(location);
    try {
      DataWriter<Record> writer =
          Parquet.writeData(file)
              .forTable(table)
              .createWriterFunc(GenericParquetWriter::create)
              .overwrite()
              .build();
      current = writer;
      rowsInFile = 0;
      return writer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void finish() {
    DataWriter<Record> writer = current;
    if (writer == null) {
      return;
    }
    current = null;
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.add(writer.toDataFile());
  }

  /** The table the files are written for. */
  Table table() {
    return table;
  }

  /** Records a file someone else is writing at {@code location}, deleted by {@link #abort()}. */
  void started(String location) {
    locations.add(location);
  }

  /** Adds a finished data file of {@code count} rows written by someone else. */
  void add(DataFile file, long count) {
    files.add(file);
    rows += count;
  }

  /** The data files written, after {@link #close()}. */
  List<DataFile> files() {
    return List.copyOf(files);
  }

  long rows() {
    return rows;
  }

  /** Finishes the file being written. */
  @Override
  public void close() {
    finish();
  }

  /** Deletes every file this writer started, best effort: after a failed write or commit. */
  void abort() {
    DataWriter<Record> writer = current;
    current = null;
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException | RuntimeException e) {
        // The file is deleted below; a close failure changes nothing.
      }
    }
    for (String location : locations) {
      try {
        table.io().deleteFile(location);
      } catch (RuntimeException e) {
        // An orphan data file is harmless: no snapshot references it.
      }
    }
  }
}
