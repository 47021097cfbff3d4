package dev.floe.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/** A small orders table: Parquet rows written with iceberg-data and read back. */
final class Tables {
  static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "order_id", Types.LongType.get()),
          Types.NestedField.required(2, "customer", Types.StringType.get()));

  private Tables() {}

  /** Writes orders {@code first .. first+count-1} to a new Parquet file of {@code table}. */
  static DataFile write(Table table, String batch, int first, int count) {
    OutputFile file =
        table.io().newOutputFile(table.locationProvider().newDataLocation(batch + ".parquet"));
    try {
      DataWriter<Record> writer =
          Parquet.writeData(file)
              .forTable(table)
              .createWriterFunc(GenericParquetWriter::create)
              .overwrite()
              .build();
      try (writer) {
        for (int i = first; i < first + count; i++) {
          GenericRecord record = GenericRecord.create(table.schema());
          record.setField("order_id", (long) i);
          record.setField("customer", "customer-" + (i % 7));
          writer.write(record);
        }
      }
      return writer.toDataFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends orders {@code first .. first+count-1}. */
  static void append(Table table, String batch, int first, int count) {
    table.newAppend().appendFile(write(table, batch, first, count)).commit();
  }

  /** The order ids of the table's current snapshot. */
  static List<Long> ids(Table table) {
    List<Long> ids = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        ids.add((Long) record.getField("order_id"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /** The ids {@code first .. first+count-1}. */
  static List<Long> range(int first, int count) {
    List<Long> ids = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      ids.add((long) i);
    }
    return ids;
  }
}
