/**
 * The credential vocabulary shared by the validator, the snippet masker and the detector: which
 * keys name a credential, and how a line of configuration is masked before it is shown. Depends on
 * {@code internal.spelling} only.
 *
 * <p><b>Internal:</b> public only because other floe packages or modules need it. There is no
 * compatibility promise: anything here may change or go away in any release, and code outside floe
 * must not use it.
 */
@Api(status = Api.Status.INTERNAL)
package dev.floe.core.internal.credential;

import dev.floe.core.api.Api;
