package dev.floe.core.diag;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of every source a command has loaded, by displayed file name, so that renderers can show
 * the line a problem points at without reading files again. Thread-safe.
 */
public final class SourceTexts {
  private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

  /** Records the full text of a source under its displayed name. */
  public void put(String file, String text) {
    lines.put(file, List.of(text.split("\r?\n|\r", -1)));
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
