package fr.breachimpact.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @Test
  void generateSubcommandWritesTheDemoLayout(@TempDir Path tmp) {
    Path out = tmp.resolve("demo");
    int code = BreachImpact.execute("generate", "--out", out.toString(), "--seed", "5", "--scale", "0.01");
    assertEquals(ExitCode.OK, code);
    assertTrue(Files.isRegularFile(out.resolve("config.json")));
    assertTrue(Files.isRegularFile(out.resolve("customers/auchan.csv")));
    assertTrue(Files.isRegularFile(out.resolve("ground-truth/leaked_records.csv")));
    for (String id : IncidentCatalog.ids()) {
      assertTrue(Files.isRegularFile(out.resolve("incidents").resolve(id).resolve("manifest.json")), id);
    }
  }

  @Test
  void scaleOutsideItsRangeIsABadConfig(@TempDir Path tmp) {
    assertEquals(ExitCode.BAD_CONFIG, BreachImpact.execute("generate", "--out", tmp.toString(), "--scale", "0"));
    assertEquals(ExitCode.BAD_CONFIG, BreachImpact.execute("generate", "--out", tmp.toString(), "--scale", "5000"));
  }
}
