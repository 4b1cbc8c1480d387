package fr.breachimpact.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.stage.Classify;
import fr.breachimpact.stage.Ingest;
import fr.breachimpact.stage.StageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same tiny incident ingested and classified twice, into a plaintext lake and into an encrypted
 * one (ingest writes through LakeTables, classify writes Delta on its own: both are covered).
 * Assertions print file names and counts, never a value.
 */
class RestrictedZoneEncryptionTest {
  private static final LocalDate RUN_DATE = LocalDate.parse("2026-11-29");

  /** Generated values of the fixture, as the lake would hold them (raw and normalised). */
  private static final List<String> RAW_VALUES =
      List.of(
          "helene.lefevre-test@exemple.fr",
          "Lefèvre",
          "Hélène",
          "06 12 34 56 78",
          "+33612345678",
          "jean.dupont-test@exemple.fr",
          "Marchandise",
          "0698765432",
          "+33698765432",
          "FR7630006000011234567890189",
          "1850578006084");

  @TempDir static Path dir;
  static SparkSession spark;
  static LoadedConfig plain;
  static LoadedConfig encrypted;

  @BeforeAll
  static void runTwice() throws IOException {
    spark = TestSpark.session();
    Path incident = Files.createDirectories(dir.resolve("incidents/shop-2025"));
    Files.writeString(
        incident.resolve("clients.csv"),
        "nom;prenom;email;telephone;iban;nir\n"
            + "Lefèvre;Hélène;helene.lefevre-test@exemple.fr;06 12 34 56 78;FR7630006000011234567890189;1850578006084\n"
            + "Marchandise;Jean;jean.dupont-test@exemple.fr;0698765432;;\n"
            + "broken;\"never closed\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        incident.resolve("manifest.json"),
        """
        {"incident_id":"shop-2025","organisation":"Shop","brands":["Shop"],"group":"G",
         "dates":{"occurred":"2025-11-01","became_aware":"2025-11-20T09:00:00Z"},
         "files":[{"path":"clients.csv","delimiter":";",
           "mapping":{"nom":"last_name","prenom":"first_name","email":"email","telephone":"phone",
                      "iban":"iban","nir":"nir"}}]}
        """);
    plain = config("plain");
    encrypted = config("encrypted");
    runStages(plain);
    try (EncryptionSwitch on = EncryptionSwitch.on(spark, encrypted)) {
      runStages(encrypted);
    }
  }

  private static LoadedConfig config(String name) throws IOException {
    Path file = dir.resolve(name + ".json");
    Files.writeString(
        file,
        "{\"incidents_dir\":\"incidents\",\"lake_dir\":\""
            + name
            + "/lake\",\"reports_dir\":\""
            + name
            + "/reports\"}");
    return LoadedConfig.load(file);
  }

  private static void runStages(LoadedConfig config) {
    StageContext context = new StageContext(spark, config, RUN_DATE);
    new Ingest("run-test")
        .ingest(context, IngestPlanner.plan(IncidentCatalog.load(config), IngestConfig.defaults()));
    new Classify().run(context);
  }

  @AfterAll
  static void forgetKeys() {
    InMemoryKeySets.remove(EncryptionSwitch.KEY_SET);
  }

  @Test
  void restrictedParquetFilesCannotBeReadWithoutTheKeys() throws IOException {
    List<Path> files = dataFiles(lake(encrypted).resolve("leaked_records"));
    assertFalse(files.isEmpty());
    for (Path f : files) {
      assertEquals(
          "PARE", tail(f), f.getFileName() + " should end with the encrypted-footer magic");
      Exception e =
          assertThrows(Exception.class, () -> spark.read().parquet(f.toString()).collectAsList());
      assertTrue(
          chain(e).contains("encrypted") || chain(e).contains("key"),
          "unexpected failure kind for " + f.getFileName());
    }
    assertThrows(
        Exception.class,
        () ->
            spark
                .read()
                .format("delta")
                .load(encrypted.lakeTable("leaked_records"))
                .collectAsList());
    // Another engine fails too: DuckDB has no key.
    assertThrows(SQLException.class, () -> duckCount(files.get(0).toString()));
  }

  @Test
  void stagesGiveTheSameRowsWithAndWithoutEncryption() {
    try (EncryptionSwitch on = EncryptionSwitch.on(spark, encrypted)) {
      for (String table : List.of("leaked_records", "quarantine", "leaked_records_clean")) {
        Dataset<Row> a = comparable(spark.read().format("delta").load(plain.lakeTable(table)));
        Dataset<Row> b = comparable(spark.read().format("delta").load(encrypted.lakeTable(table)));
        assertTrue(a.count() > 0, table + " is empty");
        assertEquals(a.count(), b.count(), table + " row count");
        assertEquals(0, a.exceptAll(b).count(), table + ": rows only in the plaintext run");
        assertEquals(0, b.exceptAll(a).count(), table + ": rows only in the encrypted run");
      }
    }
  }

  @Test
  void noRawValueAppearsInAnyByteOfTheEncryptedLake() throws IOException {
    // The search works: the plaintext lake holds every value somewhere.
    List<Path> plainFiles = allFiles(lake(plain));
    for (int i = 0; i < RAW_VALUES.size(); i++) {
      assertFalse(
          filesHolding(plainFiles, RAW_VALUES.get(i)).isEmpty(),
          "value #" + i + " not found in the plaintext lake");
    }
    List<Path> files = allFiles(lake(encrypted));
    assertTrue(files.stream().anyMatch(f -> f.toString().contains("_delta_log")));
    for (int i = 0; i < RAW_VALUES.size(); i++) {
      List<String> hits =
          filesHolding(files, RAW_VALUES.get(i)).stream()
              .map(f -> lake(encrypted).relativize(f).toString())
              .toList();
      assertEquals(List.of(), hits, "value #" + i + " found in these files of the encrypted lake");
    }
  }

  @Test
  void theDeltaLogOfAPlaintextLakeHoldsNoRawValueEither() throws IOException {
    // Delta would put each file's smallest and largest email, name... into the log's JSON.
    List<Path> logs =
        allFiles(lake(plain)).stream().filter(f -> f.toString().contains("_delta_log")).toList();
    assertFalse(logs.isEmpty());
    for (int i = 0; i < RAW_VALUES.size(); i++) {
      List<String> hits =
          filesHolding(logs, RAW_VALUES.get(i)).stream()
              .map(f -> lake(plain).relativize(f).toString())
              .toList();
      assertEquals(
          List.of(), hits, "value #" + i + " found in these log files of the plaintext lake");
    }
  }

  @Test
  void reportsStayPlainParquetThatDuckDbReads() throws Exception {
    Path reports = Path.of(encrypted.reportPath("run_summary"));
    List<Path> files = dataFiles(reports);
    assertFalse(files.isEmpty());
    for (Path f : files) {
      assertEquals("PAR1", tail(f), f.getFileName() + " should be plaintext Parquet");
    }
    assertTrue(duckCount(reports + "/**/*.parquet") > 0);
  }

  @Test
  void aRunWithEncryptionOnButAKeyMissingStopsBeforeAnyWrite() {
    MasterKeys onlyFooter = MasterKeys.of(java.util.Map.of("footerKey", new byte[16]));
    InMemoryKeySets.register("only-footer", onlyFooter);
    try {
      Exception e =
          assertThrows(
              fr.breachimpact.config.ConfigException.class,
              () ->
                  RestrictedZoneEncryption.settings(
                      new MasterKeySource("only-footer", null, null),
                      fr.breachimpact.config.EncryptionConfig.defaults(),
                      "/r",
                      encrypted,
                      java.util.Map.of()));
      assertTrue(e.getMessage().contains("piiKey"));
    } finally {
      InMemoryKeySets.remove("only-footer");
    }
  }

  /** Map columns become sorted entry arrays, so that set operations can compare rows. */
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

  private static Path lake(LoadedConfig config) {
    return Path.of(config.resolve(config.config().lakeDir()));
  }

  private static List<Path> allFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<Path> dataFiles(Path root) throws IOException {
    return allFiles(root).stream()
        .filter(
            f ->
                f.getFileName().toString().endsWith(".parquet")
                    && !f.toString().contains("_delta_log"))
        .toList();
  }

  private static List<Path> filesHolding(List<Path> files, String value) {
    byte[] needle = value.getBytes(StandardCharsets.UTF_8);
    List<Path> hits = new ArrayList<>();
    for (Path f : files) {
      try {
        if (indexOf(Files.readAllBytes(f), needle) >= 0) {
          hits.add(f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return hits;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String tail(Path f) throws IOException {
    byte[] b = Files.readAllBytes(f);
    return new String(Arrays.copyOfRange(b, b.length - 4, b.length), StandardCharsets.US_ASCII);
  }

  private static long duckCount(String glob) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + glob + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String chain(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getClass().getSimpleName())
          .append(' ')
          .append(String.valueOf(c.getMessage()).toLowerCase())
          .append(' ');
    }
    return sb.toString();
  }
}
