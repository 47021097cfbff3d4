package dev.floe.core.internal.schema;

import dev.floe.core.diag.Code;
import dev.floe.core.diag.FieldPaths;
import dev.floe.core.diag.Problem;
import dev.floe.core.diag.ProblemList;
import dev.floe.core.diag.SourceMap;
import dev.floe.core.diag.SourcePosition;
import dev.floe.core.internal.credential.CredentialKeys;
import dev.floe.core.internal.schema.SchemaType.BoolType;
import dev.floe.core.internal.schema.SchemaType.EnumType;
import dev.floe.core.internal.schema.SchemaType.IntType;
import dev.floe.core.internal.schema.SchemaType.ListType;
import dev.floe.core.internal.schema.SchemaType.MapType;
import dev.floe.core.internal.schema.SchemaType.NumberType;
import dev.floe.core.internal.schema.SchemaType.ObjectType;
import dev.floe.core.internal.schema.SchemaType.SecretRefType;
import dev.floe.core.internal.schema.SchemaType.StringOrSecretType;
import dev.floe.core.internal.schema.SchemaType.StringType;
import dev.floe.core.internal.schema.SchemaType.VariantType;
import dev.floe.core.internal.spelling.Suggestions;
import dev.floe.core.internal.yaml.YamlMapping;
import dev.floe.core.internal.yaml.YamlNode;
import dev.floe.core.internal.yaml.YamlScalar;
import dev.floe.core.internal.yaml.YamlSequence;
import dev.floe.core.model.CredentialMode;
import dev.floe.core.model.SecretRef;
import dev.floe.core.model.StringOrSecret;
import dev.floe.core.model.WireEnum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a YAML tree against a {@link SchemaType} and turns it into plain values: {@code
 * Map<String, Object>} (fields in schema order, defaults filled in), {@code List<Object>}, {@code
 * String}, {@code Long}, {@code Double}, {@code Boolean} and {@link StringOrSecret}. Every problem
 * is collected; nothing is thrown. One instance validates one document; not thread-safe.
 */
public final class SchemaValidator {
  /** Profile names, as map keys and as references in floe.yaml. */
  public static final Pattern PROFILE_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_-]*$");

  // user@host, and user:password@host where the password may hold '/', '#' or '?'.
  private static final Pattern URL_USER_INFO =
      Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.:-]*://([^/?#\\s@]*@|[^/?#\\s@]*:[^\\s@]*@)");
  private static final Pattern URL_PASSWORD_PARAMETER =
      Pattern.compile("(?i)^[a-z][a-z0-9+.:-]*:.*[?&;](password|pwd|passwd)=");

  private final Tier tier;
  private final Map<String, String> env;
  private final Set<String> platformOnlyKeys;
  private final ProblemList problems;
  private final SourceMap.Builder sourceMap = new SourceMap.Builder();
  private boolean lenientKeys;

  /**
   * A validator for one document.
   *
   * @param tier which file is validated
   * @param env the environment for {@code ${VAR}} interpolation (platform tier only)
   * @param platformOnlyKeys keys that floe.yaml must refuse as belonging in platform.yaml
   * @param problems where problems are collected
   */
  public SchemaValidator(
      Tier tier, Map<String, String> env, Set<String> platformOnlyKeys, ProblemList problems) {
    this.tier = tier;
    this.env = Map.copyOf(env);
    // Kept as given, not copied: ConfigLoader's set is computed only when a key is looked up.
    this.platformOnlyKeys = platformOnlyKeys;
    this.problems = problems;
  }

  /** Positions of every validated value, filled by {@link #validate}. */
  public SourceMap sourceMap() {
    return sourceMap.build();
  }

  /**
   * Validates {@code root}. Returns the plain value, or empty when an error was found (the problems
   * are in the list given to the constructor).
   */
  public Optional<Object> validate(YamlNode root, SchemaType type) {
    int errorsBefore = problems.errorCount();
    Object value = value(root, type, "");
    boolean failed = problems.errorCount() > errorsBefore;
    return failed || value == null ? Optional.empty() : Optional.of(value);
  }

  private Object value(YamlNode node, SchemaType type, String path) {
    sourceMap.put(path, node.position());
    if (type instanceof ObjectType object) {
      return object(node, object.fields(), List.of(), path, null);
    } else if (type instanceof VariantType variant) {
      return variant(node, variant, path);
    } else if (type instanceof MapType map) {
      return map(node, map, path);
    } else if (type instanceof ListType list) {
      return list(node, list, path);
    } else if (type instanceof StringType string) {
      return string(node, string, path);
    } else if (type instanceof EnumType e) {
      return enumeration(node, e, path);
    } else if (type instanceof BoolType) {
      return bool(node, path);
    } else if (type instanceof IntType i) {
      return integer(node, i, path);
    } else if (type instanceof NumberType n) {
      return number(node, n, path);
    } else if (type instanceof SecretRefType) {
      return secretRef(node, path);
    } else {
      return stringOrSecret(node, (StringOrSecretType) type, path);
    }
  }

  // ---- mappings -------------------------------------------------------------------------

  private Map<String, Object> object(
      YamlNode node,
      List<Field> fields,
      List<Map.Entry<String, String>> elsewhere,
      String path,
      String skipKey) {
    YamlMapping mapping = mapping(node, path);
    if (mapping == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Field> byName = new LinkedHashMap<>();
    for (Field f : fields) {
      byName.put(f.name(), f);
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.key().value();
      if (key.startsWith("x-") || key.equals(skipKey)) {
        continue;
      }
      Field field = byName.get(key);
      String childPath = join(path, key);
      sourceMap.putKey(childPath, entry.key().position());
      if (field == null) {
        unknownKey(entry, childPath, byName.keySet(), elsewhere);
        continue;
      }
      if (isNull(entry.value())) {
        // "region:" with nothing after it means "not set": the default applies below, and a
        // required key is reported once, below.
        continue;
      }
      Object value =
          key.equals("secret_ref") && field.type() instanceof StringType
              ? nameOf(secretName(entry.value(), childPath))
              : value(entry.value(), field.type(), childPath);
      if (value != null) {
        out.put(key, value);
      }
    }
    for (Field field : fields) {
      Optional<YamlNode> written = mapping.get(field.name());
      if (out.containsKey(field.name())
          || (written.isPresent() && !(isNull(written.get()) && !field.isRequired()))) {
        if (written.map(SchemaValidator::isNull).orElse(false)) {
          missingOrNull(mapping, field, path);
        }
        continue;
      }
      if (field.isRequired()) {
        missingOrNull(mapping, field, path);
      } else if (field.defaultValue().isPresent()) {
        out.put(field.name(), field.defaultValue().get());
        sourceMap.origin(join(path, field.name()), "default");
      }
    }
    return out;
  }

  private static String nameOf(SecretRef ref) {
    return ref == null ? null : ref.name();
  }

  private void missingOrNull(YamlMapping mapping, Field field, String path) {
    if (!field.isRequired()) {
      return;
    }
    Optional<YamlNode> present = mapping.get(field.name());
    String where = path.isEmpty() ? "the document" : "'" + path + "'";
    if (present.isPresent()) {
      problems.add(
          Problem.error(Code.S011, "Key '" + field.name() + "' in " + where + " has no value")
              .at(present.get().position())
              .path(join(path, field.name()))
              .hint("give '" + field.name() + "' " + expected(field.type()))
              .build());
      return;
    }
    problems.add(
        Problem.error(Code.S011, "Missing required key '" + field.name() + "' in " + where)
            .at(sourceMap.keyPosition(path).orElse(mapping.position()))
            .path(join(path, field.name()))
            .hint("add '" + field.name() + ": ' with " + expected(field.type()))
            .build());
  }

  private Map<String, Object> variant(YamlNode node, VariantType type, String path) {
    YamlMapping mapping = mapping(node, path);
    if (mapping == null) {
      return null;
    }
    String disc = type.discriminator();
    String chosen;
    Optional<YamlNode> written = mapping.get(disc);
    EnumType discType =
        new EnumType(type.discriminatorDescription(), List.copyOf(type.variants().keySet()));
    if (written.isPresent() && !isNull(written.get())) {
      sourceMap.put(join(path, disc), written.get().position());
      List<String> everyVariant =
          disc.equals("mode") ? WireEnum.spellings(CredentialMode.class) : List.of();
      Object v = enumeration(written.get(), discType, everyVariant, join(path, disc));
      if (v == null) {
        // The rest of the block is still checked, against every variant's fields, so that a typo
        // in 'type' does not hide the other problems (a credential in a URL above all).
        // Which variant was meant is unknown, so unknown keys are left alone there, but for
        // credentials.
        boolean wasLenient = lenientKeys;
        lenientKeys = true;
        object(mapping, everyField(type), List.of(), path, disc);
        lenientKeys = wasLenient;
        return null;
      }
      chosen = (String) v;
    } else if (type.defaultVariant().isPresent()) {
      chosen = type.defaultVariant().get();
      sourceMap.origin(join(path, disc), "default");
    } else {
      problems.add(
          Problem.error(
                  Code.S011,
                  "Missing required key '" + disc + "' in '" + (path.isEmpty() ? "." : path) + "'")
              .at(sourceMap.keyPosition(path).orElse(mapping.position()))
              .path(join(path, disc))
              .choices(discType.values())
              .hint("add '" + disc + ": ' with one of " + String.join(", ", discType.values()))
              .build());
      return null;
    }
    List<Map.Entry<String, String>> elsewhere = new ArrayList<>();
    List<Field> own = type.fieldsOf(chosen);
    // Loops, not lambdas: every command validates a variant, and each lambda costs an
    // invokedynamic link on a cold JVM.
    for (Map.Entry<String, List<Field>> variant : type.variants().entrySet()) {
      if (variant.getKey().equals(chosen)) {
        continue;
      }
      for (Field f : variant.getValue()) {
        if (!named(own, f.name())) {
          elsewhere.add(Map.entry(f.name(), variant.getKey()));
        }
      }
    }
    Map<String, Object> out = object(mapping, own, elsewhere, path, disc);
    if (out == null) {
      return null;
    }
    Map<String, Object> withDisc = new LinkedHashMap<>();
    withDisc.put(disc, chosen);
    withDisc.putAll(out);
    return withDisc;
  }

  private static boolean named(List<Field> fields, String name) {
    for (Field f : fields) {
      if (f.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The common fields as they are, then those of every variant (first spelling of a name wins),
   * none of these required.
   */
  private static List<Field> everyField(VariantType type) {
    Map<String, Field> all = new LinkedHashMap<>();
    type.common().forEach(f -> all.put(f.name(), f));
    type.variants()
        .values()
        .forEach(
            fields ->
                fields.forEach(f -> all.putIfAbsent(f.name(), Field.optional(f.name(), f.type()))));
    return List.copyOf(all.values());
  }

  private void unknownKey(
      YamlMapping.Entry entry,
      String path,
      java.util.Collection<String> known,
      List<Map.Entry<String, String>> elsewhere) {
    String key = entry.key().value();
    YamlNode value = entry.value();
    boolean credential = CredentialKeys.isCredential(key);
    if (lenientKeys && !credential) {
      return;
    }
    Optional<String> close = Suggestions.closest(key, known);
    boolean typo = close.isPresent() && Suggestions.distance(key, close.get()) <= 1;
    if (tier == Tier.PIPELINE && (credential || (platformOnlyKeys.contains(key) && !typo))) {
      Problem.Builder p =
          Problem.error(
                  Code.S019,
                  "Key '"
                      + key
                      + "' belongs in platform.yaml, not floe.yaml: floe.yaml names profiles and"
                      + " never holds endpoints, credentials or secrets")
              .path(path)
              .hint(
                  credential
                      ? "remove '"
                          + key
                          + "': credentials are configured in platform.yaml, by secret_ref only"
                      : "move '"
                          + key
                          + "' to the matching profile in platform/<env>/platform.yaml and"
                          + " refer to the profile by name here");
      if (credential) {
        p.at(value.position()).secret();
      } else {
        p.at(entry.key().position());
      }
      problems.add(p.build());
      return;
    }
    if (credential && !(value instanceof YamlMapping)) {
      plaintextSecret(value, path);
      return;
    }
    List<String> modes =
        elsewhere.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).toList();
    if (!modes.isEmpty()) {
      String disc = path.endsWith("credentials." + key) ? "mode" : "type";
      problems.add(
          Problem.error(
                  Code.S018,
                  "'"
                      + key
                      + "' is only used with "
                      + disc
                      + " "
                      + String.join(", ", modes)
                      + " (at '"
                      + path
                      + "')")
              .at(entry.key().position())
              .path(path)
              .hint("remove '" + key + "', or set " + disc + ": " + modes.get(0))
              .build());
      return;
    }
    List<String> choices = known.stream().sorted().toList();
    Optional<String> suggestion = close;
    // Inside a credentials block an unknown key's value may well be a secret: never show it.
    boolean inCredentials = path.contains("credentials.");
    Problem.Builder unknown =
        Problem.error(
                Code.S010,
                "Unknown key '"
                    + key
                    + "'"
                    + (parent(path).isEmpty() ? "" : " in '" + parent(path) + "'")
                    + suggestion.map(s -> ": did you mean '" + s + "'?").orElse(""))
            .at(entry.key().position())
            .path(path)
            .suggestionInHint(suggestion.orElse(null))
            .hint(
                suggestion
                    .map(s -> "rename it to '" + s + "'")
                    .orElse("remove it, or prefix it with 'x-' to keep your own data there"));
    // The message quotes the suggestion, so a single choice that is the suggestion is in it too.
    if (suggestion.isPresent() && choices.equals(List.of(suggestion.get()))) {
      unknown.choicesInMessage(choices);
    } else {
      unknown.choices(choices);
    }
    if (inCredentials) {
      unknown.at(value.position()).secret();
    }
    problems.add(unknown.build());
  }

  private Map<String, Object> map(YamlNode node, MapType type, String path) {
    YamlMapping mapping = mapping(node, path);
    if (mapping == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (YamlMapping.Entry entry : mapping.entries()) {
      String key = entry.key().value();
      String childPath = join(path, key);
      sourceMap.putKey(childPath, entry.key().position());
      if (type.keys() == SchemaType.KeyRule.PROFILE_NAME) {
        if (key.startsWith("x-")) {
          continue;
        }
        if (!PROFILE_NAME.matcher(key).matches()) {
          problems.add(
              Problem.error(
                      Code.S016,
                      "Profile name '"
                          + key
                          + "' is invalid: it must start with a letter and contain only"
                          + " letters, digits, '_' and '-'")
                  .at(entry.key().position())
                  .path(childPath)
                  .hint("rename the profile, e.g. '" + fixName(key) + "'")
                  .build());
          value(entry.value(), type.values(), childPath);
          continue;
        }
      } else if (key.isBlank()) {
        problems.add(
            Problem.error(Code.S016, "Keys in '" + path + "' must not be empty")
                .at(entry.key().position())
                .path(childPath)
                .build());
        continue;
      }
      if (type.keys() == SchemaType.KeyRule.ANY
          && CredentialKeys.isCredential(key)
          && !(type.values() instanceof StringOrSecretType
              && entry.value() instanceof YamlMapping)) {
        if (tier == Tier.PIPELINE) {
          unknownKey(entry, childPath, List.of(), List.of());
        } else {
          plaintextSecret(entry.value(), childPath);
        }
        continue;
      }
      Object value = value(entry.value(), type.values(), childPath);
      if (value != null) {
        out.put(key, value);
      }
    }
    return out;
  }

  private List<Object> list(YamlNode node, ListType type, String path) {
    if (!(node instanceof YamlSequence sequence)) {
      wrongType(node, "a list", path);
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < sequence.items().size(); i++) {
      Object value = value(sequence.items().get(i), type.items(), path + "[" + i + "]");
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  private YamlMapping mapping(YamlNode node, String path) {
    if (node instanceof YamlMapping mapping) {
      return mapping;
    }
    if (isNull(node)) {
      return new YamlMapping(List.of(), node.position());
    }
    wrongType(node, "a mapping", path);
    return null;
  }

  // ---- scalars --------------------------------------------------------------------------

  private String string(YamlNode node, StringType type, String path) {
    YamlScalar scalar = text(node, path);
    if (scalar == null) {
      return null;
    }
    String value = scalar.value();
    if (tier == Tier.PIPELINE && Interpolation.mentions(value)) {
      problems.add(
          Problem.error(
                  Code.V003,
                  "'" + path + "' uses ${...} interpolation, which floe.yaml does not allow")
              .at(scalar.position())
              .path(path)
              .hint(
                  "floe.yaml is the same in every environment; put environment-specific values"
                      + " in platform/<env>/platform.yaml")
              .build());
      return null;
    }
    if (!credentialFree(value, scalar.position(), path, List.of())) {
      return null;
    }
    List<String> variables = List.of();
    if (tier == Tier.PLATFORM && Interpolation.mentions(value)) {
      Interpolation.Result result = Interpolation.expand(value, env);
      if (result instanceof Interpolation.Unset unset) {
        problems.add(
            Problem.error(
                    Code.V001,
                    "Variable '"
                        + unset.variable()
                        + "' used in '"
                        + path
                        + "' is not set and has no default")
                .at(scalar.position())
                .path(path)
                .hint(
                    "set "
                        + unset.variable()
                        + " in the environment, or give a default: ${"
                        + unset.variable()
                        + ":-value}")
                .build());
        return null;
      }
      if (result instanceof Interpolation.Malformed malformed) {
        problems.add(
            Problem.error(Code.V002, "Cannot interpolate '" + path + "': " + malformed.reason())
                .at(scalar.position())
                .path(path)
                .hint("write ${NAME} or ${NAME:-default}; write $${ for a literal '${'")
                .build());
        return null;
      }
      Interpolation.Expanded expanded = (Interpolation.Expanded) result;
      value = expanded.value();
      variables = expanded.variables();
      sourceMap.origin(path, "interpolated from " + String.join(", ", expanded.variables()));
    }
    if (!credentialFree(value, scalar.position(), path, variables)) {
      return null;
    }
    if (type.pattern().isPresent() && !type.pattern().get().matcher(value).matches()) {
      problems.add(
          Problem.error(
                  Code.S016,
                  "Value '" + value + "' of '" + path + "' is invalid: expected " + type.expected())
              .at(scalar.position())
              .path(path)
              .hint("write " + type.expected())
              .build());
      return null;
    }
    if (type.check().isPresent()) {
      Optional<String> reason = type.check().get().check(value);
      if (reason.isPresent()) {
        problems.add(
            Problem.error(
                    Code.S016,
                    "Value '" + value + "' of '" + path + "' is invalid: " + reason.get())
                .at(scalar.position())
                .path(path)
                .hint("write " + type.expected())
                .build());
        return null;
      }
    }
    return value;
  }

  /** Refuses URLs with user-info or password parameters, without echoing the value. */
  private boolean credentialFree(
      String value, SourcePosition at, String path, List<String> variables) {
    if (URL_USER_INFO.matcher(value).find() || URL_PASSWORD_PARAMETER.matcher(value).find()) {
      String from =
          variables.isEmpty()
              ? ""
              : " once "
                  + String.join(", ", variables.stream().map(v -> "${" + v + "}").toList())
                  + " is expanded";
      problems.add(
          Problem.error(
                  Code.C031,
                  "'"
                      + path
                      + "' holds a URL with embedded credentials"
                      + from
                      + ", which floe refuses in any field")
              .at(at)
              .path(path)
              .secret()
              .hint(
                  "remove the user-info and password from the URL and give credentials through"
                      + " a credentials block with secret_ref")
              .build());
      return false;
    }
    return true;
  }

  private YamlScalar text(YamlNode node, String path) {
    if (!(node instanceof YamlScalar scalar)) {
      wrongType(node, "text", path);
      return null;
    }
    switch (scalar.kind()) {
      case STRING -> {
        return scalar;
      }
      case NULL -> {
        problems.add(
            Problem.error(Code.S012, "'" + path + "' has no value: expected text")
                .at(scalar.position())
                .path(path)
                .hint("write a value, or remove the key")
                .build());
        return null;
      }
      default -> {
        problems.add(
            Problem.error(
                    Code.S013,
                    "Value "
                        + scalar.value()
                        + " of '"
                        + path
                        + "' is read as "
                        + scalar.describe()
                        + ", but text is expected: quote it: \""
                        + scalar.value()
                        + "\"")
                .at(scalar.position())
                .path(path)
                .hint("write " + leaf(path) + ": \"" + scalar.value() + "\"")
                .build());
        return null;
      }
    }
  }

  private String enumeration(YamlNode node, EnumType type, String path) {
    return enumeration(node, type, List.of(), path);
  }

  /** An enum value; {@code elsewhere} are values valid for other kinds of profile. */
  private String enumeration(YamlNode node, EnumType type, List<String> elsewhere, String path) {
    YamlScalar scalar = node instanceof YamlScalar s ? s : null;
    if (scalar == null || scalar.kind() == YamlScalar.Kind.NULL) {
      wrongType(node, "one of " + String.join(", ", type.values()), path);
      return null;
    }
    String value = scalar.value();
    if (tier == Tier.PLATFORM && Interpolation.mentions(value)) {
      Object expanded =
          string(
              node,
              new StringType("", Optional.empty(), "", Optional.empty(), Optional.empty()),
              path);
      if (expanded == null) {
        return null;
      }
      value = (String) expanded;
    }
    if (type.values().contains(value)) {
      return value;
    }
    Optional<String> suggestion = Suggestions.closest(value, type.values());
    problems.add(
        Problem.error(
                Code.S015,
                "Value '"
                    + value
                    + "' of '"
                    + path
                    + "' is not one of: "
                    + String.join(", ", type.values()))
            .at(scalar.position())
            .path(path)
            .choicesInMessage(type.values())
            .suggestionInHint(suggestion.orElse(null))
            .hint(
                suggestion
                    .map(s -> "did you mean '" + s + "'?")
                    .orElse(
                        elsewhere.contains(value)
                            ? "'" + value + "' exists, but not for this kind of profile"
                            : "values are lower-case and exact"))
            .build());
    return null;
  }

  private Boolean bool(YamlNode node, String path) {
    if (node instanceof YamlScalar scalar
        && scalar.kind() == YamlScalar.Kind.BOOL
        && (scalar.value().equals("true") || scalar.value().equals("false"))) {
      return Boolean.valueOf(scalar.value());
    }
    if (node instanceof YamlScalar scalar) {
      String quoted =
          scalar.kind() == YamlScalar.Kind.STRING ? "'" + scalar.value() + "'" : scalar.value();
      problems.add(
          Problem.error(
                  Code.S014,
                  "Value " + quoted + " of '" + path + "' is not a boolean: use true or false")
              .at(scalar.position())
              .path(path)
              .choices(List.of("true", "false"))
              .hint("write true or false, lower-case and without quotes")
              .build());
      return null;
    }
    wrongType(node, "true or false", path);
    return null;
  }

  private Long integer(YamlNode node, IntType type, String path) {
    if (!(node instanceof YamlScalar scalar) || scalar.kind() != YamlScalar.Kind.INT) {
      wrongType(node, "a whole number", path);
      return null;
    }
    long value;
    try {
      value = Long.decode(scalar.value().replace("_", "").replace("0o", "0"));
    } catch (NumberFormatException e) {
      wrongType(node, "a whole number", path);
      return null;
    }
    if (value < type.min() || value > type.max()) {
      outOfRange(scalar, path, type.min() + " to " + type.max());
      return null;
    }
    return value;
  }

  private Double number(YamlNode node, NumberType type, String path) {
    if (!(node instanceof YamlScalar scalar)
        || (scalar.kind() != YamlScalar.Kind.INT && scalar.kind() != YamlScalar.Kind.FLOAT)) {
      wrongType(node, "a number", path);
      return null;
    }
    double value;
    try {
      value = Double.parseDouble(scalar.value().replace("_", ""));
    } catch (NumberFormatException e) {
      outOfRange(scalar, path, type.min() + " to " + type.max());
      return null;
    }
    if (!(value >= type.min() && value <= type.max())) {
      outOfRange(scalar, path, type.min() + " to " + type.max());
      return null;
    }
    return value;
  }

  private void outOfRange(YamlScalar scalar, String path, String range) {
    problems.add(
        Problem.error(
                Code.S017,
                "Value " + scalar.value() + " of '" + path + "' is out of range: expected " + range)
            .at(scalar.position())
            .path(path)
            .hint("use a value from " + range)
            .build());
  }

  private SecretRef secretRef(YamlNode node, String path) {
    if (node instanceof YamlMapping mapping) {
      Optional<YamlNode> name = mapping.get("secret_ref");
      for (YamlMapping.Entry entry : mapping.entries()) {
        if (!entry.key().value().equals("secret_ref") && !entry.key().value().startsWith("x-")) {
          unknownKey(entry, join(path, entry.key().value()), List.of("secret_ref"), List.of());
        }
      }
      if (name.isEmpty()) {
        problems.add(
            Problem.error(Code.S011, "Missing 'secret_ref' in '" + path + "'")
                .at(mapping.position())
                .path(path)
                .hint("write " + leaf(path) + ": {secret_ref: NAME}")
                .build());
        return null;
      }
      return secretName(name.get(), join(path, "secret_ref"));
    }
    plaintextSecret(node, path);
    return null;
  }

  /** Checks a secret name (the value of a {@code secret_ref} key). */
  SecretRef secretName(YamlNode node, String path) {
    YamlScalar scalar = text(node, path);
    if (scalar == null) {
      return null;
    }
    sourceMap.put(path, scalar.position());
    if (!SecretRef.NAME_PATTERN.matcher(scalar.value()).matches()) {
      problems.add(
          Problem.error(
                  Code.C032,
                  "Secret name '"
                      + scalar.value()
                      + "' in '"
                      + path
                      + "' is invalid: expected letters, digits, '_' and '-' (no dots or"
                      + " slashes), starting with a letter or digit, at most 253 characters")
              .at(scalar.position())
              .path(path)
              .hint("name the secret like 'polaris-client-secret'")
              .build());
      return null;
    }
    return new SecretRef(scalar.value());
  }

  private void plaintextSecret(YamlNode node, String path) {
    problems.add(
        Problem.error(
                Code.C030,
                "'"
                    + path
                    + "' takes a secret, which must never be written in a file: use secret_ref")
            .at(node.position())
            .path(path)
            .secret()
            .hint(
                "write "
                    + leaf(path)
                    + ": {secret_ref: NAME} and provide the value at run time through the"
                    + " environment or a mounted secret file")
            .build());
  }

  private StringOrSecret stringOrSecret(YamlNode node, StringOrSecretType type, String path) {
    if (node instanceof YamlMapping) {
      return secretRef(node, path);
    }
    String value = string(node, type.text(), path);
    return value == null ? null : StringOrSecret.literal(value);
  }

  // ---- helpers --------------------------------------------------------------------------

  private void wrongType(YamlNode node, String expected, String path) {
    problems.add(
        Problem.error(
                Code.S012,
                (path.isEmpty() ? "The document" : "'" + path + "'")
                    + " must be "
                    + expected
                    + ", not "
                    + node.describe())
            .at(node.position())
            .path(path)
            .hint("write " + expected + " here")
            .build());
  }

  private static boolean isNull(YamlNode node) {
    return node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.NULL;
  }

  private static String expected(SchemaType type) {
    if (type instanceof ObjectType || type instanceof VariantType || type instanceof MapType) {
      return "a mapping";
    } else if (type instanceof ListType) {
      return "a list";
    } else if (type instanceof StringType s) {
      return s.expected();
    } else if (type instanceof EnumType e) {
      return "one of " + String.join(", ", e.values());
    } else if (type instanceof BoolType) {
      return "true or false";
    } else if (type instanceof IntType) {
      return "a whole number";
    } else if (type instanceof NumberType) {
      return "a number";
    } else if (type instanceof SecretRefType) {
      return "{secret_ref: NAME}";
    } else {
      return ((StringOrSecretType) type).text().expected() + " or {secret_ref: NAME}";
    }
  }

  private static String join(String path, String key) {
    return FieldPaths.join(path, key);
  }

  private static String parent(String path) {
    return FieldPaths.parent(path);
  }

  private static String leaf(String path) {
    return FieldPaths.leaf(path);
  }

  private static String fixName(String name) {
    String fixed = name.replaceAll("[^a-zA-Z0-9_-]", "_");
    return fixed.isEmpty() || !Character.isLetter(fixed.charAt(0)) ? "p_" + fixed : fixed;
  }
}
