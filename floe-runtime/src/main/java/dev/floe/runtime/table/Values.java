package dev.floe.runtime.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.jspecify.annotations.Nullable;

/** Values fitted to their Iceberg column before they are written. */
final class Values {
  private Values() {}

  /**
   * {@code value} as the Parquet writer expects it for {@code field}: a decimal rounded half up to
   * the column's scale, as SQL databases store a value in a DECIMAL column.
   *
   * @param row the row's number from 1, named in the problem
   * @throws dev.floe.core.diag.ProblemException {@code FLOE-U045} when a decimal has more digits
   *     than the column's precision
   */
  static @Nullable Object fit(
      TableIdentifier table, Types.NestedField field, @Nullable Object value, long row) {
    if (value == null) {
      return null;
    }
    Type type = field.type();
    if (type instanceof Types.DecimalType decimal && value instanceof BigDecimal number) {
      BigDecimal scaled = number.setScale(decimal.scale(), RoundingMode.HALF_UP);
      if (scaled.precision() > decimal.precision()) {
        throw TableProblems.writeFailed(
            table,
            "the value "
                + number.toPlainString()
                + " of column '"
                + field.name()
                + "' in row "
                + row
                + " does not fit "
                + decimal,
            "give the column a larger precision (CAST in the query, or @Decimal on the record"
                + " component)");
      }
      return scaled;
    }
    return value;
  }
}
