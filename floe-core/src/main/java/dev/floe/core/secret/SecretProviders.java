package dev.floe.core.secret;

import dev.floe.core.api.Api;
import dev.floe.core.diag.Code;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemException;
import dev.floe.core.internal.spelling.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds the installed {@link SecretProvider}s and puts them in the configured order.
 *
 * <p>{@value #VARIABLE} configures them: unset or blank — every installed provider, ordered by
 * name; {@code none} — no provider; a comma-separated list of names ({@code vault,aws}) — exactly
 * those providers, in that order. A name that is not installed is an error ({@code FLOE-E054})
 * listing the installed ones. Providers always come after the environment and the mounted files.
 * Stateless.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public final class SecretProviders {
  /** The environment variable that chooses and orders providers. */
  public static final String VARIABLE = "FLOE_SECRET_PROVIDERS";

  /** The value of {@value #VARIABLE} that turns every provider off. */
  public static final String NONE = "none";

  private SecretProviders() {}

  /**
   * The providers installed on the class path of {@code loader}, ordered as {@code env}'s {@value
   * #VARIABLE} says.
   *
   * @throws ProblemException {@code FLOE-E054} when the variable names a provider not installed
   */
  public static List<SecretProvider> discover(Map<String, String> env, ClassLoader loader) {
    List<SecretProvider> installed = new ArrayList<>();
    ServiceLoader.load(SecretProvider.class, loader).forEach(installed::add);
    return order(installed, env);
  }

  /** The providers installed on the class path that loaded floe, ordered by {@code env}. */
  public static List<SecretProvider> discover(Map<String, String> env) {
    return discover(env, SecretProviders.class.getClassLoader());
  }

  /**
   * {@code installed} chosen and ordered as {@code env}'s {@value #VARIABLE} says. When two
   * installed providers share a name, the first one found is used.
   *
   * @throws ProblemException {@code FLOE-E054} when the variable names a provider not installed
   */
  public static List<SecretProvider> order(
      List<SecretProvider> installed, Map<String, String> env) {
    Map<String, SecretProvider> byName = new LinkedHashMap<>();
    installed.stream()
        .sorted(Comparator.comparing(SecretProvider::name))
        .forEach(p -> byName.putIfAbsent(p.name(), p));
    String setting = env.getOrDefault(VARIABLE, "").strip();
    if (setting.isEmpty()) {
      return List.copyOf(byName.values());
    }
    if (setting.equals(NONE)) {
      return List.of();
    }
    List<SecretProvider> chosen = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String part : setting.split(",", -1)) {
      String name = part.strip();
      SecretProvider provider = byName.get(name);
      if (provider != null) {
        if (!chosen.contains(provider)) {
          chosen.add(provider);
        }
        continue;
      }
      List<String> names = List.copyOf(byName.keySet());
      problems.add(
          Problem.error(
                  Code.E054,
                  VARIABLE
                      + " names the secret provider '"
                      + name
                      + "', which is not installed; installed: "
                      + (names.isEmpty() ? "none" : String.join(", ", names)))
              .choicesInMessage(names)
              .suggestion(Suggestions.closest(name, names).orElse(null))
              .hint(
                  "list installed providers, comma-separated and in the order to ask them (e.g. "
                      + VARIABLE
                      + "=vault,aws), write "
                      + NONE
                      + " for no provider, or put the provider's jar on the class path")
              .build());
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(problems);
    }
    return List.copyOf(chosen);
  }
}
