package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.link.ModelFile;
import fr.breachimpact.link.ModelTraining;
import fr.breachimpact.resolve.Fixtures.Ident;
import fr.breachimpact.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subcommand end to end on a tiny lake: contracts, idempotent rerun, ids kept next day. */
class ResolveCommandTest {
  private static final Ident ANNE =
      new Ident("anne", "girard", "1979-10-02", "anne.girard@sfr.fr", "+33622446688", "44000");
  private static final Ident PAUL =
      new Ident("paul", "roux", "1965-02-14", null, "+33133557799", "67000");

  @TempDir Path dir;

  @Test
  void writesContractedReportsIdempotentlyAndKeepsIdsAcrossDays() throws Exception {
    SparkSession spark = TestSpark.session();
    List<Row> records =
        new ArrayList<>(
            List.of(
                ANNE.record("r10", "inc-1"), PAUL.record("r11", "inc-1"),
                ANNE.withPhone(null).record("r20", "inc-2"),
                    PAUL.withBirthDate(null).record("r21", "inc-2")));
    writeLake(spark, records);
    Files.writeString(
        dir.resolve("config.json"),
        "{\"incidents_dir\": \"incidents\", \"lake_dir\": \"lake\", \"reports_dir\": \"reports\"}");
    manifest("inc-1", "[\"Auchan\"]", "\"Mulliez\"");
    manifest("inc-2", "[\"Leroy Merlin\"]", "null");

    assertEquals(0, resolve("2026-11-28"));
    Map<String, String> day1 = recordPerson(spark);
    assertEquals(day1.get("r10"), day1.get("r20"));
    assertEquals(day1.get("r11"), day1.get("r21"));
    assertContract(spark, "incident_overlap", 1);
    assertContract(spark, "group_overlap", 1);

    assertEquals(0, resolve("2026-11-28"));
    assertEquals(day1, recordPerson(spark), "rerun of a date gives the same ids");
    assertContract(spark, "incident_overlap", 1);

    // A record whose node id sorts first joins Anne: without the previous run it would rename her.
    records.add(ANNE.record("r00", "inc-2"));
    writeLake(spark, records);
    assertEquals(0, resolve("2026-11-29"));
    Map<String, String> day2 = recordPerson(spark);
    assertEquals(day1.get("r10"), day2.get("r00"));
    assertEquals(day1.get("r10"), day2.get("r10"));
    Row overlap =
        spark
            .read()
            .parquet(dir.resolve("reports/incident_overlap").toString())
            .where("report_date = '2026-11-29'")
            .first();
    assertEquals(2L, overlap.<Long>getAs("persons_both"));
  }

  /** With the hand-set model as a model file: five records are too few to train one. */
  private int resolve(String date) throws Exception {
    Path model = dir.resolve("model.json");
    if (!Files.exists(model)) {
      Files.writeString(
          model,
          ModelFile.toJson(
              ModelTraining.Trained.fixed(Fixtures.MODEL),
              "dedupe",
              ModelSettings.dedupeDefaults(),
              Json.mapper().createObjectNode()));
    }
    return BreachImpact.execute(
        "resolve",
        "--config",
        dir.resolve("config.json").toString(),
        "--run-date",
        date,
        "--model",
        model.toString());
  }

  private void manifest(String id, String brands, String group) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("incidents").resolve(id));
    Files.writeString(
        folder.resolve("manifest.json"),
        "{\"incident_id\": \"" + id + "\", \"brands\": " + brands + ", \"group\": " + group + "}");
  }

  private void writeLake(SparkSession spark, List<Row> records) {
    List<Row> customers =
        List.of(
            ANNE.customer("A-1", "Auchan", "Mulliez"),
            ANNE.customer("L-9", "Leroy Merlin", "Mulliez"));
    List<Row> matches = List.of(Fixtures.match("r10", "inc-1", "A-1", "Auchan"));
    save(Fixtures.records(records), "leaked_records_clean");
    save(Fixtures.customers(customers), "customers_clean");
    save(Fixtures.matches(matches), "customer_matches");
  }

  private void save(Dataset<Row> table, String name) {
    table
        .write()
        .format("delta")
        .mode("overwrite")
        .save(dir.resolve("lake").resolve(name).toString());
  }

  private Map<String, String> recordPerson(SparkSession spark) {
    Map<String, String> ids = new TreeMap<>();
    spark
        .read()
        .format("delta")
        .load(dir.resolve("lake/record_person").toString())
        .collectAsList()
        .forEach(r -> ids.put(r.getAs("record_id"), r.getAs("person_id")));
    return ids;
  }

  /** Columns as in schemas/<name>.json, in order, then report_date; one partition per date. */
  private void assertContract(SparkSession spark, String name, long dates) throws Exception {
    JsonNode schema = Json.mapper().readTree(Path.of("..", "schemas", name + ".json").toFile());
    List<String> expected = new ArrayList<>();
    schema.get("columns").forEach(c -> expected.add(c.get("name").asText()));
    expected.add("report_date");
    Dataset<Row> report = spark.read().parquet(dir.resolve("reports").resolve(name).toString());
    assertEquals(expected, Arrays.asList(report.columns()), name + " columns");
    assertEquals(dates, report.select("report_date").distinct().count());
    assertEquals(report.count(), report.distinct().count(), name + " has no duplicated row");
  }
}
