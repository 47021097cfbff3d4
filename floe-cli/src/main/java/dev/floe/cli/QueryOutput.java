package dev.floe.cli;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows of {@code floe query} as a text table, one JSON document or CSV. */
final class QueryOutput {
  private QueryOutput() {}

  static void print(
      Reporter reporter,
      Terminal terminal,
      Format format,
      List<String> columns,
      List<List<Object>> rows,
      boolean more,
      int limit) {
    switch (format) {
      case json ->
          reporter.success(
              json -> {
                json.writeArrayFieldStart("columns");
                for (String c : columns) {
                  json.writeString(c);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("rows");
                for (List<Object> row : rows) {
                  json.writeStartArray();
                  for (Object v : row) {
                    if (v == null) {
                      json.writeNull();
                    } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
                      json.writeNumber(((Number) v).longValue());
                    } else if (v instanceof BigDecimal d) {
                      json.writeNumber(d);
                    } else if (v instanceof Double || v instanceof Float) {
                      json.writeNumber(((Number) v).doubleValue());
                    } else if (v instanceof Boolean b) {
                      json.writeBoolean(b);
                    } else {
                      json.writeString(value(v));
                    }
                  }
                  json.writeEndArray();
                }
                json.writeEndArray();
                json.writeBooleanField("truncated", more);
              });
      case csv -> {
        terminal.out().println(csvLine(new ArrayList<>(columns)));
        for (List<Object> row : rows) {
          terminal.out().println(csvLine(row));
        }
        terminal.out().flush();
      }
      default -> text(reporter, columns, rows, more, limit);
    }
  }

  private static void text(
      Reporter reporter, List<String> columns, List<List<Object>> rows, boolean more, int limit) {
    int[] width = new int[columns.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = columns.get(i).length();
      for (List<Object> row : rows) {
        width[i] = Math.max(width[i], shown(row.get(i)).length());
      }
    }
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      header.append(i == 0 ? "" : "  ").append(pad(columns.get(i), width[i]));
      rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    reporter.line(header.toString().stripTrailing());
    reporter.line(rule.toString());
    for (List<Object> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        Object v = row.get(i);
        String s = shown(v);
        line.append(i == 0 ? "" : "  ")
            .append(v instanceof Number ? " ".repeat(width[i] - s.length()) + s : pad(s, width[i]));
      }
      reporter.line(line.toString().stripTrailing());
    }
    reporter.line(
        rows.size()
            + (rows.size() == 1 ? " row" : " rows")
            + (more ? " (more than " + limit + "; raise --limit to see more)" : ""));
  }

  private static String shown(Object v) {
    return v == null ? "NULL" : value(v);
  }

  /**
   * A value as SQL and DuckDB's own shell write it, in every format: a timestamp is {@code
   * 2026-01-01 00:00:00} (with its fraction only when it has one, {@code 03:04:05.12}), a timestamp
   * with time zone ends in its offset ({@code +00}, {@code +05:30}), not Java's {@code 2026-01-01
   * 00:00:00.0} or {@code 2026-01-01T00:00Z}.
   */
  static String value(Object v) {
    if (v instanceof java.sql.Timestamp t) {
      return dateTime(t.toLocalDateTime());
    }
    if (v instanceof LocalDateTime t) {
      return dateTime(t);
    }
    if (v instanceof OffsetDateTime t) {
      return dateTime(t.toLocalDateTime()) + offset(t.getOffset());
    }
    if (v instanceof java.sql.Time t) {
      return time(t.toLocalTime());
    }
    if (v instanceof LocalTime t) {
      return time(t);
    }
    return String.valueOf(v);
  }

  private static String dateTime(LocalDateTime t) {
    return t.toLocalDate() + " " + time(t.toLocalTime());
  }

  private static String time(LocalTime t) {
    String hms =
        String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    if (t.getNano() == 0) {
      return hms;
    }
    String fraction = String.format(Locale.ROOT, "%09d", t.getNano());
    int end = fraction.length();
    while (fraction.charAt(end - 1) == '0') {
      end--;
    }
    return hms + "." + fraction.substring(0, end);
  }

  private static String offset(ZoneOffset offset) {
    int seconds = offset.getTotalSeconds();
    int abs = Math.abs(seconds);
    String hours = String.format(Locale.ROOT, "%s%02d", seconds < 0 ? "-" : "+", abs / 3600);
    int minutes = abs % 3600 / 60;
    return minutes == 0 ? hours : hours + String.format(Locale.ROOT, ":%02d", minutes);
  }

  private static String pad(String s, int width) {
    return String.format(Locale.ROOT, "%-" + width + "s", s);
  }

  private static String csvLine(List<?> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      String s = v == null ? "" : value(v);
      if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
        s = "\"" + s.replace("\"", "\"\"") + "\"";
      }
      out.append(i == 0 ? "" : ",").append(s);
    }
    return out.toString();
  }
}
