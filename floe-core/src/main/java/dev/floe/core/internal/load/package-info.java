/**
 * Loading and discovery: {@code ConfigLoader} validates floe.yaml and platform.yaml into the model
 * (running the credential detector on floe.yaml), and {@code PlatformLocator} finds the platform of
 * an environment in the documented order. Depends on the document packages, {@code scan}, {@code
 * load} and {@code platform}; {@code compile} and {@code project} sit above it.
 *
 * <p><b>Internal:</b> public only because other floe packages or modules need it. There is no
 * compatibility promise: anything here may change or go away in any release, and code outside floe
 * must not use it.
 */
@Api(status = Api.Status.INTERNAL)
package dev.floe.core.internal.load;

import dev.floe.core.api.Api;
