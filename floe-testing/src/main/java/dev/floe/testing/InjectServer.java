package dev.floe.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that {@link FloeServersExtension} fills with the server of the field's type: {@link
 * dev.floe.testing.oauth2.OAuth2Server}, {@link dev.floe.testing.catalog.RestCatalogServer}, {@link
 * dev.floe.testing.s3.S3Server}, {@link dev.floe.testing.telemetry.OtlpReceiver} or {@link
 * dev.floe.testing.telemetry.LineageReceiver}.
 *
 * <p>Instance fields are filled before each test instance is used, static fields before {@code
 * BeforeAll} methods run. The field must not be final.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InjectServer {}
