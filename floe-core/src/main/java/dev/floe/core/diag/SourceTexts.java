package dev.floe.core.diag;

import dev.floe.core.api.Api;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The text of every source a command has loaded, by displayed file name, so that renderers can show
 * the line a problem points at without reading files again. Thread-safe; it only grows (a name put
 * again takes the newer text).
 */
@Api(status = Api.Status.STABLE)
public final class SourceTexts {
  private final Map<String, List<String>> lines = new ConcurrentHashMap<>();
  private final Map<String, List<int[]>> hidden = new ConcurrentHashMap<>();

  /**
   * Records the full text of a source under its displayed name.
   *
   * @param file the name problems give the file, e.g. {@code platform/dev/platform.yaml}; not null
   * @param text the whole text; not null
   */
  public void put(String file, String text) {
    lines.put(file, lines(text));
    String prefix = file + "\u0000";
    for (Iterator<String> keys = hidden.keySet().iterator(); keys.hasNext(); ) {
      if (keys.next().startsWith(prefix)) {
        keys.remove();
      }
    }
  }

  /**
   * The lines of {@code text}, split at {@code \r\n}, {@code \n} and {@code \r} as {@code
   * split("\r?\n|\r", -1)} would, without compiling that pattern at the start of every command.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return List.copyOf(lines);
  }

  /**
   * Records every text {@code other} holds.
   *
   * @param other more texts; not null
   */
  public void putAll(SourceTexts other) {
    lines.putAll(other.lines);
    hidden.putAll(other.hidden);
  }

  /**
   * Marks part of a line as secret: renderers never show it in a snippet, whatever the problem. The
   * loader marks every credential the detector finds, keys included.
   *
   * @param file the displayed name; not null
   * @param line 1-based line
   * @param start 0-based first column hidden
   * @param end 0-based column after the last hidden one
   */
  public void hide(String file, int line, int start, int end) {
    hidden
        .computeIfAbsent(file + "\u0000" + line, k -> new CopyOnWriteArrayList<>())
        .add(new int[] {start, end});
  }

  /** The hidden ranges of a line ({@code [start, end)}, 0-based), empty when none. */
  public List<int[]> hidden(String file, int line) {
    List<int[]> ranges = hidden.get(file + "\u0000" + line);
    return ranges == null ? List.of() : List.copyOf(ranges);
  }

  /** The 1-based line of the file, when the file was recorded and has that line. */
  public Optional<String> line(String file, int line) {
    List<String> all = lines.get(file);
    if (all == null || line < 1 || line > all.size()) {
      return Optional.empty();
    }
    return Optional.of(all.get(line - 1));
  }
}
