package dev.floe.core.diag;

import dev.floe.core.api.Api;

/**
 * Whether the source text a {@link Problem} points at may be shown. A problem about a plaintext
 * credential is {@link #SECRET}: renderers mask the underlined token in the snippet.
 */
@Api(status = Api.Status.EXPERIMENTAL)
public enum Disclosure {
  PUBLIC,
  SECRET
}
