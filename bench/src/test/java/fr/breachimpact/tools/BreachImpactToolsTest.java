package fr.breachimpact.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.cli.BreachImpact;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BreachImpactToolsTest {
  @Test
  void theScriptsCommandLineIsGenerateThenEveryProductionCommandThenBench() {
    List<String> production =
        new ArrayList<>(new CommandLine(new BreachImpact()).getSubcommands().keySet());
    List<String> expected = new ArrayList<>();
    expected.add("generate");
    expected.addAll(production);
    expected.add("bench");
    assertEquals(
        expected, new ArrayList<>(BreachImpactTools.commandLine().getSubcommands().keySet()));
  }

  @Test
  void theSparkSubmitMainHasNeitherTheGeneratorNorTheBench() {
    var names = new CommandLine(new BreachImpact()).getSubcommands().keySet();
    assertEquals(false, names.contains("generate") || names.contains("bench"), names.toString());
  }

  @Test
  void exitCodesAreTheProductionOnes() {
    // A bad option: picocli's usage error (2), as for the production command line.
    assertEquals(
        BreachImpact.execute("nightly", "--no-such-option"),
        BreachImpactTools.execute("nightly", "--no-such-option"));
  }
}
