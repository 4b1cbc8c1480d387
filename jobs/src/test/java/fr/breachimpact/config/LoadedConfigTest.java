package fr.breachimpact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedConfigTest {
  @TempDir Path dir;

  @Test
  void yamlAndJsonBindTheSameConfigWithPathsFromTheConfigFolder() throws IOException {
    Files.writeString(
        dir.resolve("c.yaml"),
        "incidents_dir: incidents\nlake_dir: lake\nreports_dir: /srv/reports\nreport:\n  min_cell_size: 5\n");
    Files.writeString(
        dir.resolve("c.json"),
        "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"/srv/reports\",\"report\":{\"min_cell_size\":5}}");
    LoadedConfig yaml = LoadedConfig.load(dir.resolve("c.yaml"));
    LoadedConfig json = LoadedConfig.load(dir.resolve("c.json"));
    assertEquals(json.config(), yaml.config());
    assertEquals(dir.resolve("lake/leaked_records").toString(), yaml.lakeTable("leaked_records"));
    assertEquals("/srv/reports/run_summary", yaml.reportPath("run_summary"));
    assertEquals(5, yaml.config().report().minCellSize());
  }

  @Test
  void anUnknownKeyIsAnErrorNamingTheFileAndTheKey() throws IOException {
    Files.writeString(
        dir.resolve("c.yaml"), "lake_dir: lake\nreports_dir: r\nreport:\n  min_cel_size: 5\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> LoadedConfig.load(dir.resolve("c.yaml")));
    assertTrue(
        e.getMessage().contains("c.yaml")
            && e.getMessage().contains("report")
            && e.getMessage().contains("min_cel_size"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void theNotificationZoneIsBesideTheReportsUnlessNamed() throws IOException {
    Files.writeString(
        dir.resolve("n1.json"), "{\"lake_dir\":\"lake\",\"reports_dir\":\"out/reports\"}");
    assertEquals(
        dir.resolve("out/notifications").toString(),
        LoadedConfig.load(dir.resolve("n1.json")).notificationRoot());
    Files.writeString(
        dir.resolve("n2.json"),
        "{\"lake_dir\":\"lake\",\"reports_dir\":\"hdfs://nn/r/reports\",\"notification_dir\":\"hdfs://nn/dpo/n\"}");
    assertEquals("hdfs://nn/dpo/n", LoadedConfig.load(dir.resolve("n2.json")).notificationRoot());
  }

  @Test
  void aNotificationZoneInsideTheReportsIsRefused() throws IOException {
    Files.writeString(
        dir.resolve("n3.json"),
        "{\"lake_dir\":\"lake\",\"reports_dir\":\"reports\",\"notification_dir\":\"reports/people\"}");
    ConfigException e =
        assertThrows(ConfigException.class, () -> LoadedConfig.load(dir.resolve("n3.json")));
    assertEquals(
        dir.resolve("n3.json") + ": notification_dir: must lie outside reports_dir",
        e.getMessage());
  }

  @Test
  void hadoopUrisAreKeptAsTheyAre() throws IOException {
    Files.writeString(
        dir.resolve("c.json"),
        "{\"lake_dir\":\"s3a://bucket/lake\",\"reports_dir\":\"hdfs://nn/reports\"}");
    LoadedConfig c = LoadedConfig.load(dir.resolve("c.json"));
    assertEquals("s3a://bucket/lake/persons", c.lakeTable("persons"));
    assertEquals("hdfs://nn/reports/customer_risk", c.reportPath("customer_risk"));
  }
}
