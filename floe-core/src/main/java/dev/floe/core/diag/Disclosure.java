package dev.floe.core.diag;

/**
 * Whether the source text a {@link Problem} points at may be shown. A problem about a plaintext
 * credential is {@link #SECRET}: renderers mask the underlined token in the snippet.
 */
public enum Disclosure {
  PUBLIC,
  SECRET
}
