/**
 * The generic schema machinery: {@code SchemaType} describes a document format once; {@code
 * SchemaValidator} checks YAML against it with every problem collected, and {@code
 * JsonSchemaWriter} writes JSON Schema from it, so the two cannot disagree. Knows no document.
 * Depends on {@code internal.yaml}, {@code diag}, {@code model} and the credential vocabulary.
 *
 * <p><b>Internal:</b> public only because other floe packages or modules need it. There is no
 * compatibility promise: anything here may change or go away in any release, and code outside floe
 * must not use it.
 */
@Api(status = Api.Status.INTERNAL)
package dev.floe.core.internal.schema;

import dev.floe.core.api.Api;
