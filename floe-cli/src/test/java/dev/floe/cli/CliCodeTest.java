package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.diag.ProblemCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliCodeTest {
  @Test
  void cliCodesAreRegisteredUniqueAndDocumented() {
    assertThat(ProblemCodes.installed())
        .anySatisfy(codes -> assertThat(codes.module()).isEqualTo("floe-cli"));
    ProblemCodes.checkUniqueAndDocumented(Path.of("..", "docs", "errors.md"));
  }

  @Test
  void theUsageErrorCodeIsL001() {
    assertThat(UsageErrors.CODE).isEqualTo(CliCode.L001.id());
  }
}
