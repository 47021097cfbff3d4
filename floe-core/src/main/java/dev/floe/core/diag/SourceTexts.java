package dev.floe.core.diag;

import dev.floe.core.api.Api;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of every source a command has loaded, by displayed file name, so that renderers can show
 * the line a problem points at without reading files again. Thread-safe; it only grows (a name put
 * again takes the newer text).
 */
@Api(status = Api.Status.STABLE)
public final class SourceTexts {
  private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

  /**
   * Records the full text of a source under its displayed name.
   *
   * @param file the name problems give the file, e.g. {@code platform/dev/platform.yaml}; not null
   * @param text the whole text; not null
   */
  public void put(String file, String text) {
    lines.put(file, List.of(text.split("\r?\n|\r", -1)));
  }

  /**
   * Records every text {@code other} holds.
   *
   * @param other more texts; not null
   */
  public void putAll(SourceTexts other) {
    lines.putAll(other.lines);
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
