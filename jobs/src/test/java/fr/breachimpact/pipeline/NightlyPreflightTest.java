package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the nightly run refuses before it takes the lock or runs a stage. */
class NightlyPreflightTest {
  @Test
  void withoutAPseudonymKeyNoStageRunsAndTheExitCodeIsTwo(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"reports\","
            + "\"report\":{\"pseudonym_key_env\":\"BREACH_IMPACT_TEST_UNSET_KEY_VARIABLE\"}}");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          BreachImpact.execute(
              "nightly", "--config", config.toString(), "--run-date", "2026-11-29");
    } finally {
      System.setErr(err);
    }
    assertEquals(ExitCode.BAD_CONFIG, code);
    assertEquals(
        "error: no pseudonym key: set BREACH_IMPACT_TEST_UNSET_KEY_VARIABLE or report.pseudonym_key_file",
        captured.toString(StandardCharsets.UTF_8).strip());
    assertFalse(Files.exists(dir.resolve("lake")), "no lock, no run_log, no lake table");
    assertFalse(Files.exists(dir.resolve("reports")), "no report");
  }
}
