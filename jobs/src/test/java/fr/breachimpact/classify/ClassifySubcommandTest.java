package fr.breachimpact.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import org.junit.jupiter.api.Test;

class ClassifySubcommandTest {

  @Test
  void classifyIsRegisteredWithItsHelp() {
    assertEquals(ExitCode.OK, BreachImpact.execute("classify", "--help"));
  }

  @Test
  void missingConfigIsABadConfigExit() {
    assertEquals(
        ExitCode.BAD_CONFIG, BreachImpact.execute("classify", "--config", "no/such/config.json"));
  }
}
