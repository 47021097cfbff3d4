package dev.floe.runtime.engine;

import dev.floe.core.api.Api;
import java.util.regex.Pattern;

/** Table names as assets write them: {@code namespace.table}, or {@code table} alone. */
@Api(status = Api.Status.INTERNAL)
public final class TableNames {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private TableNames() {}

  /** Whether {@code name} is a valid table name: identifiers joined by dots. */
  public static boolean valid(String name) {
    return NAME.matcher(name).matches();
  }

  /** {@code name} with {@code defaultNamespace} in front when it has no namespace of its own. */
  public static String normalize(String name, String defaultNamespace) {
    return name.indexOf('.') < 0 ? defaultNamespace + "." + name : name;
  }

  /** {@code rawOrders → raw_orders}, {@code HTTPLogs → http_logs}. */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean previousLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        boolean previousUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
        if (i > 0 && name.charAt(i - 1) != '_' && (previousLower || (previousUpper && nextLower))) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
