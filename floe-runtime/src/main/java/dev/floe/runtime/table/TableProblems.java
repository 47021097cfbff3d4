package dev.floe.runtime.table;

import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.runtime.RuntimeCode;
import org.apache.iceberg.catalog.TableIdentifier;

/** The problems of the table helpers, worded once. */
final class TableProblems {
  private TableProblems() {}

  static ProblemException notFound(TableIdentifier id, String catalog, Throwable cause) {
    return new ProblemException(
        Problem.error(
                RuntimeCode.U044,
                "Cannot read table '"
                    + TableNames.display(id)
                    + "': it does not exist in catalog '"
                    + catalog
                    + "'")
            .hint(
                "check the name; if an asset writes it, declare that table as an input so that"
                    + " the asset runs first, or run it (floe run selects upstream assets)")
            .cause(cause)
            .build());
  }

  static ProblemException queryFailed(
      TableIdentifier id, String compute, String reason, Throwable cause) {
    return new ProblemException(
        Problem.error(
                RuntimeCode.U041,
                "Cannot write table '"
                    + TableNames.display(id)
                    + "': its query failed on compute '"
                    + compute
                    + "': "
                    + oneLine(reason))
            .hint(
                "check the SQL; the tables it reads must be inputs of the asset (or loaded with"
                    + " context.table(name)) to exist in the engine")
            .cause(cause)
            .build());
  }

  static ProblemException writeFailed(TableIdentifier id, String reason, String hint) {
    return writeFailed(id, reason, hint, null);
  }

  static ProblemException writeFailed(
      TableIdentifier id,
      String reason,
      String hint,
      @org.jspecify.annotations.Nullable Throwable cause) {
    return new ProblemException(
        Problem.error(
                RuntimeCode.U045,
                "Cannot write table '" + TableNames.display(id) + "': " + oneLine(reason))
            .hint(hint)
            .cause(cause)
            .build());
  }

  static ProblemException unsupportedColumn(
      TableIdentifier id, String column, String type, String hint) {
    return new ProblemException(
        Problem.error(
                RuntimeCode.U046,
                "Cannot write table '"
                    + TableNames.display(id)
                    + "': column '"
                    + column
                    + "' has the type "
                    + type
                    + ", which Iceberg cannot store")
            .hint(hint)
            .build());
  }

  static ProblemException notReadable(
      TableIdentifier id,
      String compute,
      String reason,
      @org.jspecify.annotations.Nullable Throwable cause) {
    return new ProblemException(
        Problem.error(
                RuntimeCode.U047,
                "Cannot make table '"
                    + TableNames.display(id)
                    + "' readable by compute '"
                    + compute
                    + "': "
                    + oneLine(reason))
            .hint(
                "check that the table's data files can be read with the storage profile's"
                    + " credentials and that the scratch folder has room")
            .cause(cause)
            .build());
  }

  static String oneLine(String text) {
    return text.strip().replace('\n', ' ');
  }

  static String reason(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
