package fr.breachimpact.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.ingest.IngestStage;
import fr.breachimpact.spark.TestSpark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write task of the ingest stage fails half-way on its first attempt; Spark retries it and the
 * Delta table holds exactly the rows of a clean run: none lost, none twice (the failed attempt's
 * partial file is never committed to the Delta log). One child JVM, see {@link RetriedTaskRun}.
 */
class TaskRetryTest {
  @TempDir Path dir;

  @Test
  void aTaskFailingMidWriteIsRetriedAndTheTableIsExact() throws Exception {
    Path config = fixture();
    Path out = dir.resolve("child.out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens")
          || arg.startsWith("--add-exports")
          || arg.startsWith("-Xmx")) {
        command.add(arg);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            RetriedTaskRun.class.getName(),
            config.toString()));
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean ended = child.waitFor(8, TimeUnit.MINUTES);
    if (!ended) {
      child.destroyForcibly();
    }
    String output = Files.readString(out);
    assertTrue(ended, "child run did not end");
    assertEquals(0, child.exitValue(), "child run failed; its output is in " + out);
    int failed =
        output
            .lines()
            .filter(l -> l.startsWith("failed_tasks="))
            .mapToInt(l -> Integer.parseInt(l.substring(13)))
            .findFirst()
            .orElse(-1);
    assertTrue(
        failed >= 1, "no task failed: the injection did not happen (failed_tasks=" + failed + ")");

    SparkSession spark = TestSpark.session();
    LoadedConfig loaded = LoadedConfig.load(config);
    Dataset<Row> expected =
        comparable(
            IngestStage.leakedRecords(
                IngestStage.outcomes(
                    spark,
                    IngestPlanner.plan(IncidentCatalog.load(loaded), IngestConfig.defaults()),
                    IngestConfig.defaults())));
    Dataset<Row> written =
        comparable(spark.read().format("delta").load(loaded.lakeTable("leaked_records")));
    long rows = expected.count();
    assertEquals(600, rows);
    assertEquals(rows, written.count());
    assertEquals(rows, written.select("record_id").distinct().count());
    assertEquals(0, expected.exceptAll(written).count(), "rows lost");
    assertEquals(0, written.exceptAll(expected).count(), "rows written twice or altered");
  }

  private Path fixture() throws IOException {
    Path incident = Files.createDirectories(dir.resolve("incidents/shop-2025"));
    String manifestFiles = "";
    for (int f = 0; f < 2; f++) {
      StringBuilder csv = new StringBuilder("nom;email\n");
      for (int i = 0; i < 300; i++) {
        csv.append("Nom")
            .append(f)
            .append('x')
            .append(i)
            .append(";p")
            .append(f)
            .append('.')
            .append(i)
            .append("@exemple.test\n");
      }
      Files.writeString(incident.resolve("part" + f + ".csv"), csv, StandardCharsets.UTF_8);
      manifestFiles +=
          (f == 0 ? "" : ",")
              + "{\"path\":\"part"
              + f
              + ".csv\",\"delimiter\":\";\",\"mapping\":{\"nom\":\"last_name\",\"email\":\"email\"}}";
    }
    Files.writeString(
        incident.resolve("manifest.json"),
        "{\"incident_id\":\"shop-2025\",\"organisation\":\"Shop\",\"brands\":[\"Shop\"],\"group\":\"G\","
            + "\"dates\":{\"occurred\":\"2025-11-01\",\"became_aware\":\"2025-11-20T09:00:00Z\"},\"files\":["
            + manifestFiles
            + "]}");
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"}");
    return config;
  }

  private static Dataset<Row> comparable(Dataset<Row> frame) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : frame.schema().fields()) {
      Column c = functions.col(f.name());
      cols.add(
          f.dataType() instanceof MapType
              ? functions.array_sort(functions.map_entries(c)).as(f.name())
              : c);
    }
    return frame.select(cols.toArray(new Column[0]));
  }
}
