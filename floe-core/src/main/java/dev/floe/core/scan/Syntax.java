package dev.floe.core.scan;

import dev.floe.core.api.Api;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of files the scanner reads, chosen by file name. The syntax tunes how keys and values
 * are recognised on a line and which comments may carry {@code floe:allow-secret}; every token rule
 * applies to every syntax.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public enum Syntax {
  /** YAML: {@code #} comments; block scalars ({@code password: |}) are read as values. */
  YAML,
  /** JSON: no comments but JSONC's {@code //}; escaped source lines (notebooks) are read too. */
  JSON,
  /** Java properties: {@code #} and {@code !} comments. */
  PROPERTIES,
  /** {@code .env} files: {@code #} comments. */
  DOTENV,
  /** Shell scripts: {@code #} comments; {@code export KEY=value} and {@code --flag value}. */
  SHELL,
  /** Dockerfiles: {@code #} comments; {@code ENV KEY value} and {@code ENV KEY=value}. */
  DOCKERFILE,
  /** Terraform and HCL: {@code #} and {@code //} comments; only quoted values are literals. */
  HCL,
  /** TOML, INI and similar {@code key = value} files: {@code #} and {@code ;} comments. */
  INI,
  /** Python: {@code #} comments; only quoted values are literals. */
  PYTHON,
  /**
   * Languages with {@code //} and {@code /* … *}{@code /} comments (Java, Kotlin, Scala, Groovy,
   * Go, JavaScript, TypeScript, C#, C, C++, Rust, Swift, PHP, Dart): only quoted values are
   * literals.
   */
  C_STYLE,
  /** XML: {@code <!-- -->} comments; {@code <password>value</password>} elements. */
  XML,
  /** Any other text, scanned only when a file is named explicitly: {@code #} and {@code //}. */
  TEXT;

  private static final Set<String> SHELL_NAMES =
      Set.of(".bashrc", ".bash_profile", ".profile", ".zshrc", ".zprofile", ".envrc");

  private static final Set<String> C_STYLE_EXTENSIONS =
      Set.of(
          "java", "kt", "kts", "scala", "sc", "groovy", "gradle", "go", "js", "mjs", "cjs", "jsx",
          "ts", "tsx", "cs", "c", "h", "cc", "cpp", "cxx", "hpp", "rs", "swift", "php", "dart");

  /**
   * The syntax of a file by its name: {@code .yaml}/{@code .yml}, {@code .json}, {@code
   * .properties}, and {@code .env}, {@code .env.*} or {@code *.env}; empty for anything else. These
   * are the files a folder scan reads by default; {@link #byName} knows more kinds.
   */
  public static Optional<Syntax> of(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".yaml") || n.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    if (n.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (n.endsWith(".properties")) {
      return Optional.of(PROPERTIES);
    }
    if (n.equals(".env") || n.startsWith(".env.") || n.endsWith(".env")) {
      return Optional.of(DOTENV);
    }
    return Optional.empty();
  }

  /**
   * The syntax of a file by its name, for every kind the detector knows: those of {@link #of}, and
   * notebooks ({@code .ipynb}, {@code .jsonc}: {@link #JSON}), shell ({@code .sh}, {@code .bash},
   * {@code .zsh}, {@code .ksh}, {@code .bashrc}, {@code .profile}, {@code .envrc}), {@code
   * Dockerfile}, {@code Containerfile} and {@code *.dockerfile}, HCL ({@code .tf}, {@code .tfvars},
   * {@code .hcl}), {@link #INI} ({@code .toml}, {@code .ini}, {@code .cfg}, {@code .conf}), Python
   * ({@code .py}), {@link #C_STYLE} sources and XML ({@code .xml}); empty for anything else.
   */
  public static Optional<Syntax> byName(Path file) {
    Optional<Syntax> known = of(file);
    if (known.isPresent()) {
      return known;
    }
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    String ext = dot < 0 ? "" : n.substring(dot + 1);
    if (n.equals("dockerfile")
        || n.startsWith("dockerfile.")
        || n.equals("containerfile")
        || ext.equals("dockerfile")) {
      return Optional.of(DOCKERFILE);
    }
    if (SHELL_NAMES.contains(n)) {
      return Optional.of(SHELL);
    }
    if (C_STYLE_EXTENSIONS.contains(ext)) {
      return Optional.of(C_STYLE);
    }
    return switch (ext) {
      case "ipynb", "jsonc", "json5" -> Optional.of(JSON);
      case "sh", "bash", "zsh", "ksh" -> Optional.of(SHELL);
      case "tf", "tfvars", "hcl" -> Optional.of(HCL);
      case "toml", "ini", "cfg", "conf" -> Optional.of(INI);
      case "py" -> Optional.of(PYTHON);
      case "xml" -> Optional.of(XML);
      default -> Optional.empty();
    };
  }

  /** True for programming languages, where an unquoted value is an expression, not a literal. */
  boolean code() {
    return this == HCL || this == PYTHON || this == C_STYLE;
  }
}
