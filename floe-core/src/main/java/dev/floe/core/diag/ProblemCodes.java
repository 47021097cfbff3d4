package dev.floe.core.diag;

import static java.util.Objects.requireNonNull;

import dev.floe.core.api.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The problem codes one module owns: the service a module registers, in {@code
 * META-INF/services/dev.floe.core.diag.ProblemCodes}, so that tools and tests see every code on the
 * class path. floe-core's own {@link Code}s are always included by {@link #installed()}; they need
 * no registration.
 *
 * <p>A module's codes use only the letters that the range table of {@code docs/errors.md} reserves
 * for it (a row {@code | `K` | floe-catalog | … |}), and each code has a heading {@code FLOE-K001 —
 * title} there. {@link #checkUniqueAndDocumented(Path)} checks both; every module calls it from a
 * test.
 *
 * <p>Implementations need a public no-argument constructor (the {@link ServiceLoader} contract) and
 * must be immutable and thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public interface ProblemCodes {
  /** The module floe-core's codes belong to, as in the range table. */
  String CORE_MODULE = "floe-core";

  /**
   * The module that owns these codes, as written in the range table of {@code docs/errors.md}, e.g.
   * {@code floe-catalog}.
   *
   * @return the module name; never null
   */
  String module();

  /**
   * The codes of the module, usually {@code List.of(MyCode.values())}.
   *
   * @return the codes; never null
   */
  List<ProblemCode> codes();

  /**
   * The providers on the class path: floe-core's first, then those the {@link ServiceLoader} finds
   * through the thread's context class loader, in its order.
   *
   * @return the providers; unmodifiable, never empty
   * @throws java.util.ServiceConfigurationError when a registered provider cannot be loaded
   */
  static List<ProblemCodes> installed() {
    List<ProblemCodes> all = new ArrayList<>();
    all.add(of(CORE_MODULE, List.of(Code.values())));
    ServiceLoader.load(ProblemCodes.class).forEach(all::add);
    return List.copyOf(all);
  }

  /**
   * A provider of fixed codes, for tests and for modules that build their list by hand.
   *
   * @param module the owning module; not null
   * @param codes its codes; not null, copied
   */
  static ProblemCodes of(String module, List<? extends ProblemCode> codes) {
    requireNonNull(module, "module");
    List<ProblemCode> copy = List.copyOf(codes);
    return new ProblemCodes() {
      @Override
      public String module() {
        return module;
      }

      @Override
      public List<ProblemCode> codes() {
        return copy;
      }

      @Override
      public String toString() {
        return module + copy.stream().map(ProblemCode::id).toList();
      }
    };
  }

  /**
   * Checks every code of {@link #installed()} against {@code docs/errors.md}: see {@link
   * #violations(List, String)}. Meant for a test of each module: {@code
   * ProblemCodes.checkUniqueAndDocumented(Path.of("../docs/errors.md"))}.
   *
   * @param errorsMd the path of {@code docs/errors.md}; not null
   * @throws IllegalStateException listing every violation, one per line
   * @throws UncheckedIOException when the file cannot be read
   */
  static void checkUniqueAndDocumented(Path errorsMd) {
    String text;
    try {
      text = Files.readString(errorsMd, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + errorsMd, e);
    }
    List<String> violations = violations(installed(), text);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          "problem codes that break the rules of "
              + errorsMd
              + ":\n"
              + String.join("\n", violations));
    }
  }

  /**
   * What is wrong with the codes of {@code providers} as documented by {@code errorsMd}: a code
   * whose id does not match {@link ProblemCode#ID} or whose title is blank, not trimmed or ends in
   * a period; an id that two different codes use; a code whose letter the range table does not
   * reserve for its provider's module; a code without the heading {@code FLOE-X000 — title}.
   *
   * @param providers the providers to check; not null
   * @param errorsMd the text of {@code docs/errors.md}; not null
   * @return one line per violation, in provider and code order; empty when all is well
   */
  static List<String> violations(List<ProblemCodes> providers, String errorsMd) {
    return CodeRules.violations(providers, errorsMd);
  }
}
