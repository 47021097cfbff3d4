package dev.floe.core.scan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.core.api.Api;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.IoProblems;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.internal.digest.Hashes;
import dev.floe.core.json.JsonOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Findings that were reviewed and accepted, so that {@code floe scan} reports only new ones. A
 * baseline is a JSON file of fingerprints; a fingerprint is a SHA-256 over the rule, the file's
 * path relative to the baseline's folder and the SHA-256 of the finding's line (see {@link
 * Finding#lineHash()}). It never holds a credential, and it moves with the repository: findings
 * keep their fingerprint when lines above them change, and lose it when their line changes.
 * Immutable and thread-safe.
 *
 * <pre>
 * {
 *   "version": 1,
 *   "comment": "…",
 *   "findings": [
 *     {"rule": "private-key", "file": "test/keys.yaml", "line": 3,
 *      "fingerprint": "sha256:…"}
 *   ]
 * }
 * </pre>
 *
 * Only {@code fingerprint} is matched; {@code rule}, {@code file} and {@code line} are there for
 * the people who review the file.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class Baseline {
  /** The format version this floe reads and writes. */
  public static final int VERSION = 1;

  private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path folder;
  private final Set<String> fingerprints;

  /** The file each fingerprint was written for, as the file says (for reviewers; may be absent). */
  private final java.util.Map<String, String> files;

  private Baseline(Path folder, Set<String> fingerprints) {
    this(folder, fingerprints, java.util.Map.of());
  }

  private Baseline(Path folder, Set<String> fingerprints, java.util.Map<String, String> files) {
    this.folder = folder.toAbsolutePath().normalize();
    this.fingerprints = Set.copyOf(fingerprints);
    this.files = java.util.Map.copyOf(files);
  }

  /** The file name a repository keeps its baseline under, at its root. */
  public static final String DEFAULT_NAME = ".floe-scan-baseline.json";

  /**
   * The baseline that applies to a scan from {@code workDir} when none is named: the nearest
   * {@value #DEFAULT_NAME} in {@code workDir} or a folder above it, up to the repository root (the
   * nearest folder holding {@code .git}), so a scan from any sub-folder finds the root's baseline.
   * Outside a git repository only {@code workDir} is looked in.
   */
  public static Optional<Path> find(Path workDir) {
    Path start = workDir.toAbsolutePath().normalize();
    Optional<Path> repository = GitIgnore.repositoryRoot(start);
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path file = dir.resolve(DEFAULT_NAME);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
      if (repository.isEmpty() || dir.equals(repository.get())) {
        break;
      }
    }
    return Optional.empty();
  }

  /** A baseline that accepts nothing, with paths relative to {@code folder}. */
  public static Baseline empty(Path folder) {
    return new Baseline(folder, Set.of());
  }

  /**
   * Reads a baseline file.
   *
   * @param file the file
   * @param shown how the file is named in problems
   * @throws ProblemException {@code FLOE-X041} when the file is missing or malformed
   */
  public static Baseline read(Path file, String shown) {
    Path folder = requireNonNull(file.toAbsolutePath().normalize().getParent(), "folder");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw invalid(shown, "the file does not exist");
    } catch (IOException e) {
      throw invalid(shown, IoProblems.describe(e));
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid(shown, "it is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw invalid(shown, "it is not a JSON object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.asInt() != VERSION) {
      throw invalid(shown, "'version' must be " + VERSION);
    }
    JsonNode findings = root.get("findings");
    if (findings == null || !findings.isArray()) {
      throw invalid(shown, "'findings' must be a list");
    }
    Set<String> fingerprints = new HashSet<>();
    java.util.Map<String, String> files = new java.util.HashMap<>();
    int index = 0;
    for (JsonNode entry : findings) {
      JsonNode fingerprint = entry.get("fingerprint");
      if (fingerprint == null
          || !fingerprint.isTextual()
          || !FINGERPRINT.matcher(fingerprint.asText()).matches()) {
        throw invalid(
            shown, "findings[" + index + "] needs a fingerprint 'sha256:<64 hex digits>'");
      }
      fingerprints.add(fingerprint.asText());
      JsonNode entryFile = entry.get("file");
      if (entryFile != null && entryFile.isTextual()) {
        files.put(fingerprint.asText(), entryFile.asText());
      }
      index++;
    }
    return new Baseline(folder, fingerprints, files);
  }

  private static ProblemException invalid(String shown, String reason) {
    return new ProblemException(
        Problem.error(Code.X041, "Cannot read baseline " + shown + ": " + reason)
            .file(shown)
            .hint("write a new one with: floe scan --write-baseline " + shown)
            .build());
  }

  /** The folder that paths in fingerprints are relative to: the baseline file's folder. */
  public Path folder() {
    return folder;
  }

  /** How many fingerprints the baseline holds. */
  public int size() {
    return fingerprints.size();
  }

  /** True when the finding was reviewed and accepted. */
  public boolean accepts(Finding finding) {
    return fingerprints.contains(fingerprint(finding, folder));
  }

  /**
   * How many of the baseline's entries for files below {@code scanned} match none of {@code
   * findings}: the stale entries of a scan of those paths. An entry whose {@code file} is not
   * recorded counts wherever the scan looked. A scan of a sub-folder does not call the entries of
   * other folders stale.
   *
   * @param findings what the scan found
   * @param scanned the files and folders the scan covered, absolute
   */
  public int unused(List<Finding> findings, List<Path> scanned) {
    Set<String> seen = new HashSet<>();
    for (Finding f : findings) {
      seen.add(fingerprint(f, folder));
    }
    return (int)
        fingerprints.stream()
            .filter(fp -> !seen.contains(fp))
            .filter(fp -> covered(files.get(fp), scanned))
            .count();
  }

  private boolean covered(@Nullable String file, List<Path> scanned) {
    if (file == null) {
      return true;
    }
    Path path = folder.resolve(file).normalize();
    return scanned.stream().anyMatch(root -> path.startsWith(root.toAbsolutePath().normalize()));
  }

  /** How many of the baseline's fingerprints match none of {@code findings}: stale entries. */
  public int unused(List<Finding> findings) {
    Set<String> seen = new HashSet<>();
    for (Finding f : findings) {
      seen.add(fingerprint(f, folder));
    }
    return (int) fingerprints.stream().filter(fp -> !seen.contains(fp)).count();
  }

  /**
   * The fingerprint of a finding: {@code sha256:} + hex SHA-256 of the rule id, the file path
   * relative to {@code folder} ('/'-separated, with {@code ..} above it) and the line hash,
   * separated by newlines.
   */
  public static String fingerprint(Finding finding, Path folder) {
    return Hashes.sha256(
        finding.rule().id() + "\n" + relative(finding.path(), folder) + "\n" + finding.lineHash());
  }

  /** The baseline file accepting every finding, with paths relative to {@code folder}. */
  public static String render(List<Finding> findings, Path folder) {
    Path base = folder.toAbsolutePath().normalize();
    TreeMap<String, Finding> unique = new TreeMap<>();
    for (Finding f : findings) {
      unique.putIfAbsent(fingerprint(f, base), f);
    }
    List<java.util.Map.Entry<String, Finding>> sorted =
        unique.entrySet().stream()
            .sorted(
                Comparator.comparing(
                        (java.util.Map.Entry<String, Finding> e) ->
                            relative(e.getValue().path(), base))
                    .thenComparingInt(e -> e.getValue().line())
                    .thenComparing(e -> e.getValue().rule().id()))
            .toList();
    return JsonOutput.write(
        json -> {
          json.writeStartObject();
          json.writeNumberField("version", VERSION);
          json.writeStringField(
              "comment",
              "Findings of 'floe scan' that were reviewed and accepted. A fingerprint is a SHA-256 of"
                  + " the rule, the file path and the line's SHA-256; no credential is stored here."
                  + " Rewrite with: floe scan --write-baseline FILE");
          json.writeArrayFieldStart("findings");
          for (java.util.Map.Entry<String, Finding> e : sorted) {
            Finding f = e.getValue();
            json.writeStartObject();
            json.writeStringField("rule", f.rule().id());
            json.writeStringField("file", relative(f.path(), base));
            json.writeNumberField("line", f.line());
            json.writeStringField("fingerprint", e.getKey());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** '/'-separated and relative to the folder ({@code ../x} above it); absolute across roots. */
  private static String relative(Path file, Path folder) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown;
    try {
      shown = folder.relativize(absolute);
    } catch (IllegalArgumentException e) {
      shown = absolute;
    }
    return shown.toString().replace('\\', '/');
  }
}
