package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.cli.ExitCode;
import fr.breachimpact.testing.MiniHdfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs the nightly cannot reach or find: exit 3 before the lock and any stage, one line naming
 * the config key and the location, nothing written (no lock, run_log, lake table or report).
 */
class NightlyInputCheckTest {
  /** Port 1 on loopback: nothing listens there, the connection is refused. */
  private static final String UNREACHABLE = "hdfs://127.0.0.1:1/nowhere";

  @TempDir Path dir;

  private Path config(String incidentsDir, String lakeDir, String customersJson)
      throws IOException {
    Files.writeString(dir.resolve("pseudonym.key"), NightlyFixture.TEST_KEY);
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"incidents_dir\":\""
            + incidentsDir
            + "\",\"lake_dir\":\""
            + lakeDir
            + "\",\"reports_dir\":\"reports\","
            + "\"customers\":["
            + customersJson
            + "],\"report\":{\"pseudonym_key_file\":\"pseudonym.key\"}}");
    return config;
  }

  private static String oneErrorLine(NightlyFixture.Result r) {
    List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
    assertEquals(1, errors.size(), "one error line: " + r.err());
    return errors.get(0);
  }

  private void assertNothingWritten() {
    assertFalse(Files.exists(dir.resolve("lake")), "no lock, no run_log, no lake table");
    assertFalse(Files.exists(dir.resolve("reports")), "no report");
    assertFalse(Files.exists(dir.resolve("notifications")), "no notification");
  }

  @Test
  void anUnreachableIncidentsUriExitsThreeNamingIt() throws IOException {
    NightlyFixture.Result r = NightlyFixture.nightly(config(UNREACHABLE, "lake", ""));
    assertEquals(ExitCode.INPUT_PROBLEM, r.code(), r.err());
    String line = oneErrorLine(r);
    assertTrue(line.contains("incidents_dir " + UNREACHABLE + ": unreachable"), line);
    assertNothingWritten();
  }

  @Test
  void aMissingIncidentsFolderOnHdfsExitsThreeAndWritesNothingToTheLakeThere() throws IOException {
    MiniHdfs hdfs = MiniHdfs.get();
    String missing = hdfs.uri("/input-check/no-such-folder");
    String lake = hdfs.uri("/input-check/lake");
    NightlyFixture.Result r = NightlyFixture.nightly(config(missing, lake, ""));
    assertEquals(ExitCode.INPUT_PROBLEM, r.code(), r.err());
    String line = oneErrorLine(r);
    assertTrue(line.contains("incidents_dir " + missing + ": no such folder"), line);
    assertFalse(
        hdfs.fs().exists(new org.apache.hadoop.fs.Path("/input-check/lake")),
        "no lock, no lake on HDFS");
    assertNothingWritten();
  }

  @Test
  void anUnreachableCustomerExtractExitsThreeNamingItsKeyAndUri() throws IOException {
    Files.createDirectories(dir.resolve("incidents"));
    String customers = UNREACHABLE + "/customers.csv";
    NightlyFixture.Result r =
        NightlyFixture.nightly(
            config(
                "incidents",
                "lake",
                "{\"path\":\""
                    + customers
                    + "\",\"brand\":\"Auchan\",\"mapping\":{\"id\":\"customer_id\"}}"));
    assertEquals(ExitCode.INPUT_PROBLEM, r.code(), r.err());
    String line = oneErrorLine(r);
    assertTrue(line.contains("customers[0].path " + customers + ": unreachable"), line);
    assertNothingWritten();
  }
}
