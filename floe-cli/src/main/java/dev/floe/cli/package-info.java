/**
 * The {@code floe} command line (picocli). Every command is a few lines over a floe-core entry
 * point ({@code FloeProject}, {@code ArtifactJson}, {@code SecretResolver}, {@code
 * RepositoryScanner}, {@code JsonSchemaExporter}) and uses floe-core's API only. {@link
 * dev.floe.cli.Main} is the entry point; {@link dev.floe.cli.Terminal} is what a command may touch
 * of the outside world, injected so that tests run the real command line in-process.
 */
package dev.floe.cli;
