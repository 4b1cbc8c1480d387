package fr.breachimpact.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  /**
   * The production command line with {@code generate} added, as the scripts' command line has it.
   */
  private static int execute(String... args) {
    return BreachImpact.execute(
        new CommandLine(new BreachImpact()).addSubcommand(new GenerateCommand()), args);
  }

  @Test
  void generateSubcommandWritesTheDemoLayout(@TempDir Path tmp) {
    Path out = tmp.resolve("demo");
    int code = execute("generate", "--out", out.toString(), "--seed", "5", "--scale", "0.01");
    assertEquals(ExitCode.OK, code);
    assertTrue(Files.isRegularFile(out.resolve("config.json")));
    assertTrue(Files.isRegularFile(out.resolve("customers/auchan.csv")));
    assertTrue(Files.isRegularFile(out.resolve("ground-truth/leaked_records.csv")));
    for (String id : IncidentCatalog.ids()) {
      assertTrue(
          Files.isRegularFile(out.resolve("incidents").resolve(id).resolve("manifest.json")), id);
    }
  }

  @Test
  void scaleOutsideItsRangeIsABadConfig(@TempDir Path tmp) {
    assertEquals(ExitCode.BAD_CONFIG, execute("generate", "--out", tmp.toString(), "--scale", "0"));
    assertEquals(
        ExitCode.BAD_CONFIG, execute("generate", "--out", tmp.toString(), "--scale", "5000"));
  }

  @Test
  void difficultyAndNoiseRatesAreOptionsOfTheCommand(@TempDir Path tmp) throws Exception {
    Path easy = tmp.resolve("easy");
    Path overridden = tmp.resolve("overridden");
    assertEquals(
        ExitCode.OK,
        execute("generate", "--out", easy.toString(), "--scale", "0.01", "--difficulty", "easy"));
    // Every knob set to zero over the realistic profile is the easy profile: the same bytes.
    String[] zero =
        NoiseSettings.KEYS.stream()
            .flatMap(k -> java.util.stream.Stream.of("--noise", k + "=0"))
            .toArray(String[]::new);
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(
                    "generate", "--out", overridden.toString(), "--scale", "0.01"),
                java.util.Arrays.stream(zero))
            .toArray(String[]::new);
    assertEquals(ExitCode.OK, execute(args));
    Path leaks = Path.of("incidents", "medecindirect-2025-11", "patients.jsonl");
    assertArrayEquals(
        Files.readAllBytes(easy.resolve(leaks)), Files.readAllBytes(overridden.resolve(leaks)));
    assertEquals(
        ExitCode.OK,
        execute(
            "generate",
            "--out",
            tmp.resolve("hard").toString(),
            "--scale",
            "0.01",
            "--difficulty",
            "hard"));
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(easy.resolve(leaks)),
            Files.readAllBytes(tmp.resolve("hard").resolve(leaks))));
  }

  @Test
  void unknownDifficultyOrKnobAndRatesOutsideZeroOneAreBadConfigs(@TempDir Path tmp) {
    String out = tmp.toString();
    assertEquals(ExitCode.BAD_CONFIG, execute("generate", "--out", out, "--difficulty", "extreme"));
    assertEquals(ExitCode.BAD_CONFIG, execute("generate", "--out", out, "--noise", "email=0.5"));
    assertEquals(ExitCode.BAD_CONFIG, execute("generate", "--out", out, "--noise", "title=1.5"));
    assertFalse(Files.exists(tmp.resolve("incidents")), "nothing written");
  }
}
