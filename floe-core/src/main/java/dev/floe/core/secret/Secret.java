package dev.floe.core.secret;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.floe.core.api.Api;
import dev.floe.core.internal.credential.SecretMask;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Function;
import javax.security.auth.Destroyable;

/**
 * A resolved secret value. Every form of it that could reach a log, a diagnostic, a JSON document
 * or an exception shows {@value #MASK}: {@link #toString()}, Jackson serialisation and {@code
 * String.format("%s", …)} all do. The value comes out through {@link #reveal()} or {@link
 * #use(Function)} only, and only where it is handed to the system that needs it (an HTTP header, a
 * JDBC property, an SDK credentials object).
 *
 * <p>Equality is identity: two secrets with the same value are not {@code equals}, so that no map,
 * set or assertion can probe a value; {@link #sameValueAs(Secret)} compares values in constant time
 * where that is really needed. {@link #hashCode()} is the identity hash and says nothing about the
 * value. A secret is not {@link java.io.Serializable}.
 *
 * <p>Thread-safe. {@link #destroy()} wipes the held characters; afterwards {@link #reveal()}
 * throws.
 */
@Api(status = Api.Status.STABLE)
public final class Secret implements JsonSerializable, Destroyable {
  /** The text shown instead of a secret value, everywhere. */
  public static final String MASK = SecretMask.MASK;

  private final char[] value;
  private boolean destroyed;

  private Secret(char[] value) {
    this.value = value;
  }

  /**
   * A secret holding {@code value}.
   *
   * @param value the value; not null
   */
  public static Secret of(String value) {
    requireNonNull(value, "value");
    return new Secret(value.toCharArray());
  }

  /**
   * A secret holding a copy of {@code value}; the caller may wipe its array afterwards.
   *
   * @param value the value; not null
   */
  public static Secret of(char[] value) {
    requireNonNull(value, "value");
    return new Secret(value.clone());
  }

  /**
   * The value. Call it only to hand the value to the system that needs it, never to print, log,
   * compare or store it in a field that could be printed.
   *
   * @throws IllegalStateException after {@link #destroy()}
   */
  public synchronized String reveal() {
    checkNotDestroyed();
    return new String(value);
  }

  /**
   * A copy of the value as characters, which the caller should wipe ({@code Arrays.fill(c, '\0')})
   * when done.
   *
   * @throws IllegalStateException after {@link #destroy()}
   */
  public synchronized char[] revealChars() {
    checkNotDestroyed();
    return value.clone();
  }

  /**
   * Applies {@code action} to the value and returns its result: the value stays inside the call.
   * The result must not be the value itself or contain it.
   *
   * @param action what to do with the value; not null
   * @param <T> the result type
   * @throws IllegalStateException after {@link #destroy()}
   */
  public <T> T use(Function<? super String, ? extends T> action) {
    requireNonNull(action, "action");
    return action.apply(reveal());
  }

  /** True when the value has no characters. Resolvers never return such a secret. */
  public synchronized boolean isEmpty() {
    return value.length == 0;
  }

  /**
   * Whether {@code other} holds the same value, compared in time that does not depend on where the
   * values differ.
   *
   * @param other another secret; not null
   */
  public boolean sameValueAs(Secret other) {
    requireNonNull(other, "other");
    byte[] mine = bytes();
    byte[] theirs = other.bytes();
    try {
      return MessageDigest.isEqual(mine, theirs);
    } finally {
      Arrays.fill(mine, (byte) 0);
      Arrays.fill(theirs, (byte) 0);
    }
  }

  /**
   * {@code text} with every occurrence of this secret's value replaced by {@value #MASK}: for
   * messages of other libraries (a JDBC driver, an HTTP client) that may quote what they were
   * given. Returns {@code text} unchanged when it does not contain the value, and after {@link
   * #destroy()}.
   *
   * @param text any text; not null
   */
  public String redact(String text) {
    requireNonNull(text, "text");
    String plain;
    synchronized (this) {
      if (destroyed || value.length == 0) {
        return text;
      }
      plain = new String(value);
    }
    return text.contains(plain) ? text.replace(plain, MASK) : text;
  }

  /**
   * {@code text} with the values of every one of {@code secrets} replaced by {@value #MASK}; longer
   * values first, so that a value containing another is hidden whole.
   *
   * @param text any text; not null
   * @param secrets the secrets to hide; not null
   */
  public static String redact(String text, Iterable<Secret> secrets) {
    requireNonNull(text, "text");
    requireNonNull(secrets, "secrets");
    java.util.List<Secret> ordered = new java.util.ArrayList<>();
    secrets.forEach(ordered::add);
    ordered.sort((a, b) -> Integer.compare(b.length(), a.length()));
    String result = text;
    for (Secret s : ordered) {
      result = s.redact(result);
    }
    return result;
  }

  /** Wipes the held characters. Afterwards the value cannot be revealed. */
  @Override
  public synchronized void destroy() {
    Arrays.fill(value, '\0');
    destroyed = true;
  }

  @Override
  public synchronized boolean isDestroyed() {
    return destroyed;
  }

  /** Always {@value #MASK}. */
  @Override
  public String toString() {
    return MASK;
  }

  /** Writes {@value #MASK}: a secret's JSON form never shows its value. */
  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    gen.writeString(MASK);
  }

  /** Writes {@value #MASK}, also under polymorphic typing. */
  @Override
  public void serializeWithType(
      JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    gen.writeString(MASK);
  }

  private synchronized int length() {
    return value.length;
  }

  private synchronized byte[] bytes() {
    checkNotDestroyed();
    java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(
          encoded.array(),
          encoded.arrayOffset(),
          encoded.arrayOffset() + encoded.capacity(),
          (byte) 0);
    }
    return bytes;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("the secret was destroyed");
    }
  }
}
