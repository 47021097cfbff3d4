package dev.floe.core.api;

import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what floe promises about a public type, method, constructor, field or package, in the
 * manner of JUnit's {@code @API}. A public type of an API package carries this mark; the types of
 * {@code dev.floe.core.internal.*} packages are {@link Status#INTERNAL} and carry no promise. A
 * member without a mark has the status of its type, and a nested type that of its enclosing type.
 *
 * <p>The mark is kept in class files (retention {@code CLASS}) so that tools and floe's own
 * architecture test can read it; it costs nothing at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({TYPE, METHOD, CONSTRUCTOR, FIELD, PACKAGE})
@Api(status = Api.Status.STABLE)
public @interface Api {
  /** The promise made about the marked element. */
  Status status();

  /** What a caller may rely on. */
  enum Status {
    /**
     * Public only because another floe package or module needs it: no compatibility promise, and it
     * may change or go away in any release. Code outside floe must not use it.
     */
    INTERNAL,
    /**
     * Meant for use outside floe, but new: it may still change in a minor release, and such a
     * change is named in the release notes.
     */
    EXPERIMENTAL,
    /** Meant for use outside floe; changes only in a major release. */
    STABLE
  }
}
