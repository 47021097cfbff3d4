package dev.floe.core.internal.schema;

import dev.floe.core.internal.schema.SchemaType.ListType;
import dev.floe.core.internal.schema.SchemaType.MapType;
import dev.floe.core.internal.schema.SchemaType.ObjectType;
import dev.floe.core.internal.schema.SchemaType.SecretRefType;
import dev.floe.core.internal.schema.SchemaType.StringOrSecretType;
import dev.floe.core.internal.schema.SchemaType.VariantType;
import java.util.Set;
import java.util.TreeSet;

/** Lists the key names a schema knows, at any depth. */
public final class Keys {
  private Keys() {}

  /** Every field name (and {@code secret_ref} where references are allowed), sorted. */
  public static Set<String> of(SchemaType type) {
    Set<String> names = new TreeSet<>();
    collect(type, names);
    return names;
  }

  private static void collect(SchemaType type, Set<String> names) {
    if (type instanceof ObjectType o) {
      o.fields().forEach(f -> names.add(f.name()));
      o.fields().forEach(f -> collect(f.type(), names));
    } else if (type instanceof VariantType v) {
      names.add(v.discriminator());
      v.common().forEach(f -> names.add(f.name()));
      v.common().forEach(f -> collect(f.type(), names));
      v.variants().values().forEach(fs -> fs.forEach(f -> names.add(f.name())));
      v.variants().values().forEach(fs -> fs.forEach(f -> collect(f.type(), names)));
    } else if (type instanceof MapType m) {
      collect(m.values(), names);
    } else if (type instanceof ListType l) {
      collect(l.items(), names);
    } else if (type instanceof SecretRefType || type instanceof StringOrSecretType) {
      names.add("secret_ref");
    }
  }
}
