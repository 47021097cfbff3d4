package dev.floe.core.diag;

import dev.floe.core.api.Api;

/**
 * The one spelling of field paths in every diagnostic, requirement and finding: {@code
 * catalogs.default.uri}, and keys holding a dot, bracket or quote in brackets ({@code
 * attributes["deployment.environment"]}) so that paths stay unambiguous.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class FieldPaths {
  private FieldPaths() {}

  /** The path of {@code key} below {@code path}; an empty {@code path} is the document. */
  public static String join(String path, String key) {
    boolean plain = true;
    for (int i = 0; i < key.length() && plain; i++) {
      char c = key.charAt(i);
      plain = c != '.' && c != '[' && c != ']' && c != '"';
    }
    String segment = plain ? key : "[\"" + key.replace("\"", "\\\"") + "\"]";
    if (path.isEmpty()) {
      return segment;
    }
    return plain ? path + "." + segment : path + segment;
  }

  /** The path of the mapping that holds {@code path}'s last key; empty at the top. */
  public static String parent(String path) {
    if (path.endsWith("\"]")) {
      return path.substring(0, path.lastIndexOf("[\""));
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  /** The last key of {@code path}, unquoted. */
  public static String leaf(String path) {
    if (path.endsWith("\"]")) {
      return path.substring(path.lastIndexOf("[\"") + 2, path.length() - 2).replace("\\\"", "\"");
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
