package dev.floe.core.internal.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A named field of an object type.
 *
 * @param name the key
 * @param type the value's type
 * @param presence whether the key must be present
 * @param defaultValue the value used when the key is absent, already in validated form
 */
public record Field(
    String name, SchemaType type, Presence presence, Optional<Object> defaultValue) {
  /** Whether a field must be written. */
  public enum Presence {
    REQUIRED,
    OPTIONAL
  }

  public Field {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(presence, "presence");
    requireNonNull(defaultValue, "defaultValue");
  }

  /** A field that must be present. */
  public static Field required(String name, SchemaType type) {
    return new Field(name, type, Presence.REQUIRED, Optional.empty());
  }

  /** A field that may be absent and has no default. */
  public static Field optional(String name, SchemaType type) {
    return new Field(name, type, Presence.OPTIONAL, Optional.empty());
  }

  /** A field that may be absent and then takes {@code value}. */
  public static Field withDefault(String name, SchemaType type, Object value) {
    return new Field(name, type, Presence.OPTIONAL, Optional.of(value));
  }

  /** True when the field must be present. */
  public boolean isRequired() {
    return presence == Presence.REQUIRED;
  }
}
