package fr.breachimpact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import fr.breachimpact.spark.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ENISA rules a manifest must follow: refused at reading, one line naming file and field, exit
 * 2.
 */
class ManifestRulesTest {
  private static final String FILE = "{\"path\":\"a.csv\"}";

  @BeforeAll
  static void session() {
    TestSpark.session(); // the tests' one session, which the command's getOrCreate picks up
  }

  private static String manifest(String extra, String files) {
    return "{\"incident_id\":\"x-1\",\"dates\":{\"became_aware\":\"2025-01-01T00:00:00Z\"},"
        + extra
        + "\"files\":["
        + files
        + "]}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          circumstances.availability  | "circumstances":{"availability":"severe"},
          circumstances.confidentiality | "circumstances":{"confidentiality":"leaked"},
          context_adjustments[0].reason | "context_adjustments":[{"delta":1}],
          context_adjustments[0].reason | "context_adjustments":[{"delta":1,"reason":" "}],
          independent_samples         | "independent_samples":true,
          """)
  void aManifestOutsideTheRulesExitsTwoWithOneLineNamingTheField(
      String field, String extra, @TempDir Path dir) throws Exception {
    Path incident = Files.createDirectories(dir.resolve("incidents/x-1"));
    Files.writeString(incident.resolve("a.csv"), "a\n1\n");
    Files.writeString(incident.resolve("manifest.json"), manifest(extra, FILE));
    Path cfg = dir.resolve("config.json");
    Files.writeString(
        cfg, "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = BreachImpact.execute("ingest", "--config", cfg.toString());
    } finally {
      System.setErr(old);
    }
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertEquals(ExitCode.BAD_CONFIG, code, message);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.contains("manifest.json: " + field + ": "), message);
    assertFalse(Files.exists(dir.resolve("lake")), "nothing written");
  }

  @Test
  void twoFilesMayBeDeclaredIndependentSamplesAndTheScalesAcceptEnisasLevels(@TempDir Path dir)
      throws Exception {
    Path m = dir.resolve("manifest.json");
    Files.writeString(
        m,
        manifest(
            "\"independent_samples\":true,\"circumstances\":{\"availability\":\"temporary\",\"integrity\":\"severe\"},"
                + "\"context_adjustments\":[{\"delta\":-1,\"reason\":\"public directory\"}],",
            FILE + ",{\"path\":\"b.csv\"}"));
    IncidentManifest read = Json.read(m, IncidentManifest.class);
    assertTrue(read.independentSamples());
    assertEquals("temporary", read.circumstances().availability());
    assertEquals("public directory", read.contextAdjustments().get(0).reason());
  }
}
