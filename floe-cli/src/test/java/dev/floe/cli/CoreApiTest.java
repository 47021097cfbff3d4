package dev.floe.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line stays thin: it uses floe-core's API, never its internal packages. */
class CoreApiTest {
  private static final JavaClasses CLI =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.floe.cli");

  @Test
  void commandsUseOnlyTheApiOfFloeCore() {
    noClasses()
        .that()
        .resideInAPackage("dev.floe.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.floe.core.internal..")
        .because("floe-core's internal packages carry no compatibility promise")
        .check(CLI);
  }
}
