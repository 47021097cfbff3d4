package dev.floe.core.scan;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.IoProblems;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourcePaths;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.diag.SourceTexts;
import dev.floe.core.internal.credential.SecretMask;
import dev.floe.core.internal.yaml.YamlLoader;
import dev.floe.core.internal.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scans files and folders of a repository for hard-coded credentials: YAML, JSON, properties and
 * {@code .env} files found below the given folders, and any file named explicitly. Folders of
 * version control, build output and dependencies ({@link #SKIPPED_FOLDERS}) are not entered,
 * symbolic links are not followed, and binary, non-UTF-8 and very large files are skipped. floe's
 * own files (floe.yaml, platform.yaml) are also checked against their schema: any literal in a
 * credential field is a finding. Thread-safe: each {@link #scan} is independent.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class RepositoryScanner {
  /** Folder names that are never entered: version control, build output, dependencies, IDEs. */
  public static final Set<String> SKIPPED_FOLDERS =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "target",
          "build",
          "out",
          "dist",
          "node_modules",
          ".gradle",
          ".idea",
          ".vscode",
          "__pycache__",
          ".venv",
          "venv",
          ".tox",
          ".terraform");

  /** Files larger than this are skipped: generated data, not configuration. */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private static final int BINARY_PROBE_BYTES = 8000;

  private final Path workDir;

  /**
   * A scanner that names files relative to {@code workDir} when they are below it.
   *
   * @param workDir the working folder; relative paths given to {@link #scan} resolve against it
   */
  public RepositoryScanner(Path workDir) {
    this.workDir = requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
  }

  /**
   * What a scan found.
   *
   * @param findings the credentials found, sorted by file, line and column
   * @param filesScanned how many files were read
   * @param filesSkipped how many candidate files were skipped (binary, not UTF-8, too large)
   * @param allowed how many hits were on lines marked {@code # floe:allow-secret}
   * @param problems problems with the scan itself: paths that do not exist (errors), files that
   *     cannot be read (warnings)
   * @param sources the text of every file with a finding, for rendering snippets
   */
  public record Result(
      List<Finding> findings,
      int filesScanned,
      int filesSkipped,
      int allowed,
      List<Problem> problems,
      SourceTexts sources) {
    public Result {
      findings = List.copyOf(findings);
      problems = List.copyOf(problems);
      requireNonNull(sources, "sources");
    }
  }

  /**
   * Scans the given files and folders; the working folder when none is given.
   *
   * @param paths files and folders, relative to the working folder or absolute
   */
  public Result scan(List<Path> paths) {
    List<Path> roots = paths.isEmpty() ? List.of(workDir) : paths;
    State state = new State();
    for (Path given : roots) {
      Path path = workDir.resolve(given).normalize();
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        String shown = SourcePaths.display(path, workDir);
        state.problems.add(
            Problem.error(Code.E052, "Cannot scan " + shown + ": the path does not exist")
                .file(shown)
                .hint("give existing files or folders, or none to scan the working folder")
                .build());
      } else if (Files.isDirectory(path)) {
        walk(path, state);
      } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        state.files.add(path);
      }
    }
    for (Path file : state.files) {
      Syntax syntax = Syntax.of(file).orElse(Syntax.TEXT);
      read(file, state).ifPresent(text -> scanFile(file, text, syntax, state));
    }
    state.findings.sort(
        Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(f -> f.rule().id()));
    return new Result(
        state.findings,
        state.scanned,
        state.skipped,
        state.allowed,
        state.problems.sorted(),
        state.sources);
  }

  /** Mutable state of one scan. */
  private static final class State {
    final Set<Path> files = new TreeSet<>();
    final List<Finding> findings = new ArrayList<>();
    final ProblemList problems = new ProblemList();
    final SourceTexts sources = new SourceTexts();
    int scanned;
    int skipped;
    int allowed;
  }

  private void walk(Path root, State state) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              Path name = dir.getFileName();
              boolean skip =
                  !dir.equals(root) && name != null && SKIPPED_FOLDERS.contains(name.toString());
              return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && Syntax.of(file).isPresent()) {
                state.files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              state.problems.add(unreadable(file, e));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      state.problems.add(unreadable(root, e));
    }
  }

  /** The file's text, or empty when it is binary, not UTF-8, too large or unreadable. */
  private Optional<String> read(Path file, State state) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        state.skipped++;
        return Optional.empty();
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readAllBytes();
      }
      for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE_BYTES); i++) {
        if (bytes[i] == 0) {
          state.skipped++;
          return Optional.empty();
        }
      }
      String text = YamlLoader.strictUtf8(bytes);
      state.scanned++;
      return Optional.of(text);
    } catch (CharacterCodingException e) {
      state.skipped++;
      return Optional.empty();
    } catch (IOException e) {
      state.problems.add(unreadable(file, e));
      return Optional.empty();
    }
  }

  private void scanFile(Path file, String text, Syntax syntax, State state) {
    String shown = SourcePaths.display(file, workDir);
    CredentialDetector.Detection detection = CredentialDetector.scan(text, syntax);
    state.allowed += detection.allowed().size();
    List<Hit> hits = new ArrayList<>(detection.hits());
    String[] lines = text.split("\r\n|\n|\r", -1);
    if (syntax == Syntax.YAML && floeFile(file, text)) {
      for (TreeScan.ValueHit hit : schemaHits(shown, text)) {
        SourcePosition at = hit.scalar().position();
        int line = at.line();
        if (line > lines.length || hits.stream().anyMatch(h -> h.line() == line)) {
          continue;
        }
        if (CredentialDetector.allowed(lines[line - 1])) {
          state.allowed++;
          continue;
        }
        int start = at.column() - 1;
        hits.add(new Hit(hit.rule(), line, start, start + at.length(), hit.path()));
      }
    }
    if (hits.isEmpty()) {
      return;
    }
    state.sources.put(shown, text);
    for (Hit hit : hits) {
      String lineText = lines[hit.line() - 1];
      int start = maskStart(lineText, hit.start());
      state.findings.add(
          new Finding(
              hit.rule(),
              file,
              shown,
              hit.line(),
              start + 1,
              hit.end() - start,
              hit.key(),
              Finding.hashLine(lineText)));
    }
  }

  /**
   * Where a finding should point so that the masked snippet lines up: a credential inside text that
   * diagnostics hide anyway (the value of a credential key, quotes included, or a URL's user-info)
   * is reported where the hidden text starts, and the caret underlines the mask.
   */
  static int maskStart(String line, int start) {
    SecretMask.Masked masked = SecretMask.line(line, -1);
    int p = Math.min(start, line.length());
    while (p > 0 && hidden(masked, line, p) && hidden(masked, line, p - 1)) {
      p--;
    }
    return p;
  }

  /** True when the character at {@code i} does not appear as itself in the masked line. */
  private static boolean hidden(SecretMask.Masked masked, String line, int i) {
    if (i >= line.length()) {
      return false;
    }
    int at = masked.map(i);
    int next = i + 1 < line.length() ? masked.map(i + 1) : masked.text().length();
    return next != at + 1 || masked.text().charAt(at) != line.charAt(i);
  }

  /** floe.yaml and platform.yaml, by name or by their schema comment. */
  static boolean floeFile(Path file, String text) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (n.equals("floe.yaml")
        || n.equals("floe.yml")
        || n.equals("platform.yaml")
        || n.equals("platform.yml")) {
      return true;
    }
    String head = text.length() > 2000 ? text.substring(0, 2000) : text;
    return head.contains("$schema=")
        && (head.contains("floe.schema.json") || head.contains("platform.schema.json"));
  }

  /** Hits of the schema-aware tree walk; none when the file does not load as one document. */
  private static List<TreeScan.ValueHit> schemaHits(String shown, String text) {
    ProblemList ignored = new ProblemList();
    Optional<YamlNode> root = new YamlLoader(new SourceTexts()).load(shown, text, ignored);
    return root.map(r -> TreeScan.walk(r)).orElse(List.of());
  }

  private Problem unreadable(Path file, IOException e) {
    String shown = SourcePaths.display(file, workDir);
    return Problem.warning(Code.Y006, "Cannot scan " + shown + ": " + IoProblems.describe(e))
        .file(shown)
        .hint("check that the file is readable, or leave it out")
        .cause(e)
        .build();
  }
}
