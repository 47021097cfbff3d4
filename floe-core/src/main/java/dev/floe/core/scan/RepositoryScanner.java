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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scans files and folders of a repository for hard-coded credentials, and fails closed: below the
 * given folders it reads the files credentials live in (configuration, {@code .env}, Dockerfiles,
 * Terraform, shell scripts, notebooks, source code, key files; see docs/security.md), and any file
 * named explicitly whatever its name. Folders of version control, build output and dependencies
 * ({@link #SKIPPED_FOLDERS}) and what {@code .gitignore} excludes are passed by; git's own folder
 * is never read. A file that cannot be read or decoded (binary, not UTF-8, over {@link
 * #MAX_FILE_BYTES}, a symbolic link, a device) is never passed over silently: it is a {@link
 * Skipped} entry and a {@code FLOE-X042} problem, an error when the user named it. floe's own files
 * (floe.yaml, platform.yaml) are also checked against their schema: any literal in a credential
 * field is a finding. Thread-safe: each {@link #scan} is independent.
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

  /** Why a file was not scanned. */
  public enum Reason {
    /** Larger than {@link #MAX_FILE_BYTES}. */
    TOO_LARGE("it is larger than 4 MiB, the scan's limit"),
    /** A NUL byte among its first bytes. */
    BINARY("it is a binary file"),
    /** Bytes that are not UTF-8. */
    NOT_UTF8("it is not valid UTF-8"),
    /** A symbolic link: the scan never follows one. */
    SYMBOLIC_LINK("it is a symbolic link, which floe scan does not follow"),
    /** A device, pipe or socket. */
    NOT_A_FILE("it is not a regular file (a device, pipe or socket)"),
    /** git's own folder. */
    VERSION_CONTROL("it is git's own folder, which floe scan never reads"),
    /** The file system refused. */
    UNREADABLE("it cannot be read");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** Why, as the end of a sentence: {@code it is not valid UTF-8}. */
    public String description() {
      return description;
    }

    /** The reason's name in JSON: {@code not-utf8}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * A file or folder the scan did not read, and why.
   *
   * @param file as displayed (relative to the working folder when below it)
   * @param reason why
   * @param detail more words on the reason (the file system's message, a link's target); empty when
   *     there is nothing to add
   * @param named true when the user named it: then it is an error, not a warning
   */
  public record Skipped(String file, Reason reason, String detail, boolean named) {
    public Skipped {
      requireNonNull(file, "file");
      requireNonNull(reason, "reason");
      requireNonNull(detail, "detail");
    }

    /** {@code it is not valid UTF-8}, or with the detail: {@code it cannot be read: …}. */
    public String why() {
      if (detail.isEmpty()) {
        return reason.description();
      }
      return reason.description() + (reason == Reason.UNREADABLE ? ": " : "; ") + detail;
    }

    /**
     * The {@code FLOE-X042} problem: an error for a path the user named (the scan must not pass
     * silently over it), a warning for a file met in a folder.
     */
    public Problem problem() {
      Problem.Builder b =
          named
              ? Problem.error(Code.X042, "Cannot scan " + file + ": " + why())
              : Problem.warning(Code.X042, "Skipped " + file + ": " + why());
      return b.file(file).hint(hint()).build();
    }

    private String hint() {
      return switch (reason) {
        case TOO_LARGE ->
            "generated data does not belong in a scan; leave it out or list it in .gitignore";
        case BINARY, NOT_UTF8 ->
            "save it as UTF-8 text to have it scanned, or leave it out (list it in .gitignore)";
        case SYMBOLIC_LINK -> "name the file it points to instead";
        case NOT_A_FILE -> "save the content to a file and scan that";
        case VERSION_CONTROL -> "scan the working tree instead";
        case UNREADABLE -> "check that it is readable, or leave it out";
      };
    }
  }

  /**
   * What a scan found.
   *
   * @param findings the credentials found, sorted by file, line and column
   * @param filesScanned how many files were read
   * @param skipped the files and folders that were not read, and why: errors when named, warnings
   *     when met in a folder; sorted by file
   * @param reviewed findings on lines marked {@code # floe:allow-secret}, sorted like {@code
   *     findings}
   * @param problems problems with the scan itself: paths that do not exist (errors), and every
   *     skipped file ({@code FLOE-X042}: errors when named, warnings otherwise)
   * @param sources the text of every file with a finding, for rendering snippets
   */
  public record Result(
      List<Finding> findings,
      int filesScanned,
      List<Skipped> skipped,
      List<Finding> reviewed,
      List<Problem> problems,
      SourceTexts sources) {
    public Result {
      findings = List.copyOf(findings);
      skipped = List.copyOf(skipped);
      reviewed = List.copyOf(reviewed);
      problems = List.copyOf(problems);
      requireNonNull(sources, "sources");
    }

    /** How many files and folders were not read. */
    public int filesSkipped() {
      return skipped.size();
    }

    /** How many hits were on lines marked {@code # floe:allow-secret}. */
    public int allowed() {
      return reviewed.size();
    }

    /** True when a path the user named could not be scanned (or does not exist). */
    public boolean failed() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  /**
   * The root of the git repository {@code dir} is in: the nearest folder at or above it that holds
   * {@code .git} (a folder, or the file of a worktree); empty outside a repository. SARIF paths and
   * the default baseline are relative to it.
   */
  public static Optional<Path> repositoryRoot(Path dir) {
    return GitIgnore.repositoryRoot(dir);
  }

  /**
   * Scans the given files and folders; the working folder when none is given. Files named
   * explicitly are read whatever their name, and one that cannot be read is an error; in folders,
   * only the files credentials live in are read ({@link #SKIPPED_FOLDERS} and what {@code
   * .gitignore} excludes are passed by), and one that cannot be read is a warning.
   *
   * @param paths files and folders, relative to the working folder or absolute
   */
  public Result scan(List<Path> paths) {
    List<Path> roots = paths.isEmpty() ? List.of(workDir) : paths;
    State state = new State();
    for (Path given : roots) {
      Path path = workDir.resolve(given).normalize();
      String shown = SourcePaths.display(path, workDir);
      if (Files.isSymbolicLink(path)) {
        skipLink(path, true, state);
      } else if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        state.problems.add(
            Problem.error(Code.E052, "Cannot scan " + shown + ": the path does not exist")
                .file(shown)
                .hint("give existing files or folders, or none to scan the working folder")
                .build());
      } else if (insideGit(path)) {
        state.skip(shown, Reason.VERSION_CONTROL, "", true);
      } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        walk(path, state);
      } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        state.files.putIfAbsent(path, Boolean.TRUE);
      } else {
        state.skip(shown, Reason.NOT_A_FILE, "", true);
      }
    }
    for (java.util.Map.Entry<Path, Boolean> file : state.files.entrySet()) {
      Path path = file.getKey();
      boolean named = file.getValue();
      Syntax syntax = named ? FileTypes.named(path) : FileTypes.of(path).orElse(Syntax.TEXT);
      read(path, named, state).ifPresent(text -> scanFile(path, text, syntax, state));
    }
    Comparator<Finding> order =
        Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(f -> f.rule().id());
    state.findings.sort(order);
    state.reviewed.sort(order);
    state.skipped.sort(Comparator.comparing(Skipped::file));
    for (Skipped s : state.skipped) {
      state.problems.add(s.problem());
    }
    return new Result(
        state.findings,
        state.scanned,
        state.skipped,
        state.reviewed,
        state.problems.sorted(),
        state.sources);
  }

  /** Mutable state of one scan. */
  private static final class State {
    /** Every file to read, and whether the user named it. */
    final java.util.Map<Path, Boolean> files = new java.util.TreeMap<>();

    final List<Finding> findings = new ArrayList<>();
    final List<Finding> reviewed = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();
    final ProblemList problems = new ProblemList();
    final SourceTexts sources = new SourceTexts();
    int scanned;

    void skip(String shown, Reason reason, String detail, boolean named) {
      skipped.add(new Skipped(shown, reason, detail, named));
    }
  }

  /** True for git's own folder and anything in it. */
  private static boolean insideGit(Path path) {
    for (Path part : path) {
      if (part.toString().equals(".git")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records a symbolic link as skipped: as a link, with where it points, or, when it points to a
   * pipe or device (the {@code /dev/fd/63} of a shell's {@code <(…)}), as not a regular file.
   */
  private void skipLink(Path link, boolean named, State state) {
    String shown = display(link);
    String detail = "";
    try {
      Path target = Files.readSymbolicLink(link);
      if (!Files.exists(link)) {
        detail = "it points to " + target + ", which does not exist";
      } else if (!Files.isRegularFile(link) && !Files.isDirectory(link)) {
        state.skip(shown, Reason.NOT_A_FILE, "", named);
        return;
      } else {
        detail = "it points to " + display(link.resolveSibling(target).normalize());
      }
    } catch (IOException | UnsupportedOperationException e) {
      detail = "";
    }
    state.skip(shown, Reason.SYMBOLIC_LINK, detail, named);
  }

  private void walk(Path root, State state) {
    Deque<GitIgnore> ignores = new ArrayDeque<>(aboveRoot(root));
    if (ignored(ignores, root.toAbsolutePath().normalize(), true)) {
      // The user named a folder git ignores (build output, say): they want it scanned, so the
      // patterns that ignore it do not apply inside it either; its own .gitignore files do.
      ignores.clear();
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              Path name = dir.getFileName();
              if (!dir.equals(root)) {
                if (name != null && SKIPPED_FOLDERS.contains(name.toString())) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
                if (ignored(ignores, dir, true)) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
              }
              ignores.push(
                  GitIgnore.read(dir, dir.resolve(".gitignore")).orElse(GitIgnore.parse(dir, "")));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e) {
              ignores.pop();
              if (e != null) {
                state.skip(display(dir), Reason.UNREADABLE, IoProblems.describe(e), false);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              boolean candidate = FileTypes.of(file).isPresent();
              if (attrs.isSymbolicLink()) {
                if ((candidate || Files.isDirectory(file)) && !ignored(ignores, file, false)) {
                  skipLink(file, false, state);
                }
              } else if (candidate && !ignored(ignores, file, attrs.isDirectory())) {
                if (attrs.isRegularFile()) {
                  state.files.putIfAbsent(file, Boolean.FALSE);
                } else if (attrs.isOther()) {
                  state.skip(display(file), Reason.NOT_A_FILE, "", false);
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (!ignored(ignores, file, Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS))) {
                state.skip(display(file), Reason.UNREADABLE, IoProblems.describe(e), false);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      state.skip(display(root), Reason.UNREADABLE, IoProblems.describe(e), true);
    }
  }

  /**
   * The ignore files that apply to a walk from {@code root} before its own: those of the folders
   * from the repository root down to {@code root}'s parent, nearest first, then {@code
   * .git/info/exclude}. None when {@code root} is not in a git repository.
   */
  private static List<GitIgnore> aboveRoot(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    Optional<Path> repository = GitIgnore.repositoryRoot(absolute);
    List<GitIgnore> above = new ArrayList<>();
    if (repository.isEmpty()) {
      return above;
    }
    Path top = repository.get();
    for (Path dir = absolute.getParent();
        dir != null && dir.startsWith(top);
        dir = dir.getParent()) {
      GitIgnore.read(dir, dir.resolve(".gitignore")).ifPresent(above::add);
    }
    Path exclude = top.resolve(".git").resolve("info").resolve("exclude");
    GitIgnore.read(top, exclude).ifPresent(above::add);
    return above;
  }

  /** True when the nearest ignore file with a matching pattern excludes {@code path}. */
  private static boolean ignored(Deque<GitIgnore> ignores, Path path, boolean folder) {
    for (GitIgnore ignore : ignores) {
      GitIgnore.Verdict verdict = ignore.check(path, folder);
      if (verdict != GitIgnore.Verdict.UNDECIDED) {
        return verdict == GitIgnore.Verdict.IGNORED;
      }
    }
    return false;
  }

  private String display(Path path) {
    return SourcePaths.display(path, workDir);
  }

  /**
   * The file's text, or empty when it is binary, not UTF-8, too large or unreadable (then it is
   * recorded as skipped).
   */
  private Optional<String> read(Path file, boolean named, State state) {
    String shown = display(file);
    try {
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        // Read one byte past the limit rather than trusting the size: a file can grow.
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        state.skip(shown, Reason.TOO_LARGE, "", named);
        return Optional.empty();
      }
      for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE_BYTES); i++) {
        if (bytes[i] == 0) {
          state.skip(shown, Reason.BINARY, "", named);
          return Optional.empty();
        }
      }
      String text = YamlLoader.strictUtf8(bytes);
      state.scanned++;
      return Optional.of(text);
    } catch (CharacterCodingException e) {
      state.skip(shown, Reason.NOT_UTF8, "", named);
      return Optional.empty();
    } catch (IOException e) {
      state.skip(shown, Reason.UNREADABLE, IoProblems.describe(e), named);
      return Optional.empty();
    }
  }

  private void scanFile(Path file, String text, Syntax syntax, State state) {
    String shown = SourcePaths.display(file, workDir);
    CredentialDetector.Detection detection = CredentialDetector.scan(text, syntax);
    String[] lines = text.split("\r\n|\n|\r", -1);
    List<Hit> hits = new ArrayList<>(code(file, lines, detection.hits()));
    List<Hit> allowed = new ArrayList<>(code(file, lines, detection.allowed()));
    if (syntax == Syntax.YAML && floeFile(file, text)) {
      for (TreeScan.ValueHit hit : schemaHits(shown, text)) {
        SourcePosition at = hit.scalar().position();
        int line = at.line();
        if (line > lines.length
            || hits.stream().anyMatch(h -> h.line() == line)
            || allowed.stream().anyMatch(h -> h.line() == line)) {
          continue;
        }
        int start = at.column() - 1;
        Hit schemaHit = new Hit(hit.rule(), line, start, start + at.length(), hit.path());
        (CredentialDetector.allowed(lines[line - 1]) ? allowed : hits).add(schemaHit);
      }
    }
    for (Hit hit : allowed) {
      state.reviewed.add(finding(file, shown, lines, hit));
    }
    if (hits.isEmpty()) {
      return;
    }
    state.sources.put(shown, text);
    for (Hit hit : hits) {
      state.findings.add(finding(file, shown, lines, hit));
    }
  }

  /**
   * The hits that can be credentials in {@code file}: all of them, except that in source code a
   * secret-like name assigned something unquoted ({@code token = tokens.next()}) is an expression,
   * not a value. Token shapes (keys, JWTs, private keys) count wherever they are.
   */
  private static List<Hit> code(Path file, String[] lines, List<Hit> hits) {
    if (!FileTypes.source(file)) {
      return hits;
    }
    List<Hit> kept = new ArrayList<>();
    for (Hit hit : hits) {
      String line = lines[hit.line() - 1];
      boolean quoted =
          hit.start() > 0
              && hit.start() <= line.length()
              && (line.charAt(hit.start() - 1) == '"' || line.charAt(hit.start() - 1) == '\'');
      if (hit.rule() != CredentialRule.SECRET_ASSIGNMENT || quoted) {
        kept.add(hit);
      }
    }
    return kept;
  }

  private static Finding finding(Path file, String shown, String[] lines, Hit hit) {
    String lineText = lines[hit.line() - 1];
    int start = maskStart(lineText, hit.start());
    return new Finding(
        hit.rule(),
        file,
        shown,
        hit.line(),
        start + 1,
        hit.end() - start,
        hit.key(),
        Finding.hashLine(lineText));
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
}
