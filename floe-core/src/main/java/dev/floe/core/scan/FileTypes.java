package dev.floe.core.scan;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which files a folder scan reads, and with which {@link Syntax}: the files credentials live in.
 * Configuration (YAML, JSON, properties, {@code .env}, TOML, INI, XML such as Maven's {@code
 * settings.xml}), infrastructure ({@code Dockerfile}, Terraform, shell scripts), notebooks, source
 * code, and key files. Anything else is read only when named explicitly. Stateless.
 */
final class FileTypes {
  /** Extensions read as plain text lines: source code, scripts, infrastructure, keys. */
  private static final Set<String> TEXT_EXTENSIONS =
      Set.of(
          // infrastructure and scripts
          "tf",
          "tfvars",
          "hcl",
          "sh",
          "bash",
          "zsh",
          "ksh",
          "fish",
          "ps1",
          "bat",
          "cmd",
          "dockerfile",
          "containerfile",
          // configuration in other syntaxes
          "toml",
          "ini",
          "cfg",
          "conf",
          "cnf",
          "xml",
          "tpl",
          "j2",
          // source code
          "java",
          "kt",
          "kts",
          "groovy",
          "gradle",
          "scala",
          "py",
          "ipynb",
          "js",
          "mjs",
          "cjs",
          "ts",
          "go",
          "rb",
          "php",
          "cs",
          "rs",
          "sql",
          // keys and certificates
          "pem",
          "key",
          "p8",
          "ppk",
          "asc",
          "gpg");

  /** Extensions of programming languages, whose assignments are code rather than values. */
  private static final Set<String> SOURCE_EXTENSIONS =
      Set.of(
          "java", "kt", "kts", "groovy", "gradle", "scala", "py", "js", "mjs", "cjs", "ts", "go",
          "rb", "php", "cs", "rs");

  /** Files without a telling extension that hold credentials. */
  private static final Set<String> TEXT_NAMES =
      Set.of(
          "dockerfile",
          "containerfile",
          "makefile",
          "jenkinsfile",
          "vagrantfile",
          "id_rsa",
          "id_dsa",
          "id_ecdsa",
          "id_ed25519",
          ".npmrc",
          ".pypirc",
          ".netrc",
          "_netrc",
          ".git-credentials",
          ".dockercfg",
          ".htpasswd",
          ".pgpass",
          ".s3cfg",
          ".boto",
          "credentials");

  private FileTypes() {}

  /** The syntax a folder scan reads {@code file} with; empty when a folder scan passes it by. */
  static Optional<Syntax> of(Path file) {
    // The detector's own reading of the file type first (its comments, quoting and assignments),
    // then the other files credentials live in, as plain text.
    Optional<Syntax> known = Syntax.byName(file);
    if (known.isPresent()) {
      return known;
    }
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".ipynb")) {
      return Optional.of(Syntax.JSON); // a notebook is JSON; its cells are string values
    }
    if (TEXT_NAMES.contains(n) || n.startsWith("dockerfile.") || n.startsWith("containerfile.")) {
      return Optional.of(Syntax.TEXT);
    }
    int dot = n.lastIndexOf('.');
    if (dot >= 0 && TEXT_EXTENSIONS.contains(n.substring(dot + 1))) {
      return Optional.of(Syntax.TEXT);
    }
    return Optional.empty();
  }

  /**
   * True for source code: there {@code token = tokens.next()} assigns an expression, not a value,
   * so only string literals can hold a credential.
   */
  static boolean source(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot >= 0 && SOURCE_EXTENSIONS.contains(n.substring(dot + 1));
  }

  /** The syntax of a file named explicitly: its folder-scan syntax, else plain text. */
  static Syntax named(Path file) {
    return of(file).orElse(Syntax.TEXT);
  }
}
