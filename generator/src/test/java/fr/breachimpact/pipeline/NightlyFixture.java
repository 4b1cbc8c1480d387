package fr.breachimpact.pipeline;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.generate.SampleDataGenerator;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.ConsoleCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * Tiny generated data sets for the nightly tests, and the reports of one uninterrupted nightly run
 * over them (computed once per JVM: the reference the other runs are compared with).
 */
final class NightlyFixture {
  static final String RUN_DATE = "2026-11-29";
  static final long SEED = 7;
  static final double SCALE = 0.05;

  /** Not a secret: a test key, written beside the generated data and named by its config. */
  static final String TEST_KEY = "nightly-test-pseudonym-key-0123456789";

  private static FirstRun firstRun;

  /** Generates a data set into {@code dir} whose config reads the test key from a file. */
  static Path generate(Path dir) {
    try {
      SampleDataGenerator.generate(dir, SEED, SCALE);
      Files.writeString(dir.resolve("pseudonym.key"), TEST_KEY);
      Path config = dir.resolve("config.json");
      ObjectMapper json = new ObjectMapper();
      ObjectNode root = (ObjectNode) json.readTree(config.toFile());
      ((ObjectNode) root.get("report")).put("pseudonym_key_file", "pseudonym.key");
      // Fewer random pairs for the u estimates: these tests are about the runs, not linkage
      // quality.
      ((ObjectNode) root.get("link")).put("u_sample_pairs", 20000);
      // As many shuffle partitions as the test session's cores: small data, many stages.
      root.putObject("spark").put("spark.sql.shuffle.partitions", "2");
      json.writerWithDefaultPrettyPrinter().writeValue(config.toFile(), root);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An uninterrupted first run over a fresh data set, shared by the test classes: its folder (which
   * {@link NightlyRunTest} goes on running in) and what it wrote, kept as it was.
   */
  record FirstRun(Path config, Map<String, List<String>> reports, Map<String, Long> lakeCounts) {}

  static synchronized FirstRun firstRun() {
    if (firstRun == null) {
      try {
        Path dir = Files.createTempDirectory("breach-impact-nightly");
        Path config = generate(dir);
        Result r = nightly(config);
        if (r.code() != 0) {
          throw new IllegalStateException("first nightly exited " + r.code());
        }
        firstRun = new FirstRun(config, reports(config), lakeCounts(config));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return firstRun;
  }

  /** Row counts of the lake tables the stages write (run_log left out: it grows by design). */
  static Map<String, Long> lakeCounts(Path config) {
    Path lake =
        Path.of(LoadedConfig.load(config).resolve(LoadedConfig.load(config).config().lakeDir()));
    try (Stream<Path> tables = Files.list(lake)) {
      Map<String, Long> counts = new TreeMap<>();
      for (Path t : tables.filter(p -> Files.isDirectory(p.resolve("_delta_log"))).toList()) {
        String name = t.getFileName().toString();
        if (!name.equals("run_log")) {
          counts.put(name, lake(config, name).count());
        }
      }
      return counts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exit code and console output of one in-process command line. */
  record Result(int code, String out, String err) {}

  /** Runs {@code nightly} in this JVM, capturing what it prints (counts and ids only). */
  static Result nightly(Path config) {
    return cli("nightly", "--config", config.toString(), "--run-date=" + RUN_DATE);
  }

  /** Runs {@code nightly} for {@code date} with {@code extra} options. */
  static Result night(Path config, String date, String... extra) {
    String[] args =
        Stream.concat(
                Stream.of("nightly", "--config", config.toString(), "--run-date=" + date),
                Stream.of(extra))
            .toArray(String[]::new);
    return cli(args);
  }

  static synchronized Result cli(String... args) {
    TestSpark.session();
    ConsoleCapture.Captured<Integer> run = ConsoleCapture.capture(() -> BreachImpact.execute(args));
    return new Result(run.value(), run.out(), run.err());
  }

  /**
   * Every analyst report of the run date except run_summary (which carries run ids and timings), as
   * sorted row strings, by report name.
   */
  static Map<String, List<String>> reports(Path config) {
    LoadedConfig loaded = LoadedConfig.load(config);
    Path root = Path.of(loaded.resolve(loaded.config().reportsDir()));
    Map<String, List<String>> result = new TreeMap<>();
    for (String name : reportNames(root)) {
      Path partition = root.resolve(name).resolve("report_date=" + RUN_DATE);
      if (Files.isDirectory(partition)) {
        result.put(name, rows(TestSpark.session().read().parquet(partition.toString())));
      }
    }
    return result;
  }

  static List<String> reportNames(Path reportsRoot) {
    if (!Files.isDirectory(reportsRoot)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(reportsRoot)) {
      return dirs.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_") && !n.startsWith(".") && !n.equals("run_summary"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A frame's rows as strings, columns in name order, sorted: equal content, equal lists. */
  static List<String> rows(Dataset<Row> frame) {
    String[] columns = frame.columns().clone();
    java.util.Arrays.sort(columns);
    List<String> rows = new ArrayList<>();
    for (Row r : frame.selectExpr(columns).collectAsList()) {
      rows.add(r.toString());
    }
    rows.sort(null);
    return rows;
  }

  /**
   * Rows that occur more than once in a lake table (map columns left out: Spark cannot compare
   * them).
   */
  static long duplicateRows(Dataset<Row> table) {
    String[] comparable =
        Stream.of(table.schema().fields())
            .filter(f -> !(f.dataType() instanceof MapType))
            .map(StructField::name)
            .toArray(String[]::new);
    Dataset<Row> t = table.selectExpr(comparable);
    return t.count() - t.distinct().count();
  }

  static Dataset<Row> lake(Path config, String table) {
    SparkSession spark = TestSpark.session();
    return spark.read().format("delta").load(LoadedConfig.load(config).lakeTable(table));
  }

  /** Copies a folder and everything under it (a data set with its lake, to run it twice). */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path f : all.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  /**
   * A new incident in the data set of {@code dataDir}: the files of incident {@code from} (one byte
   * more each) under the id {@code to}.
   */
  static void copyIncident(Path dataDir, String from, String to) throws IOException {
    Path src = dataDir.resolve("incidents").resolve(from);
    Path dst = dataDir.resolve("incidents").resolve(to);
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.toList()) {
        Path target = dst.resolve(src.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
          if (!f.getFileName().toString().equals("manifest.json")
              && !f.toString().endsWith(".gz")) {
            // One more line end: not byte-identical, so not quarantined as a reposted file.
            Files.write(target, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
          }
        }
      }
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode manifest = (ObjectNode) json.readTree(dst.resolve("manifest.json").toFile());
    manifest.put("incident_id", to);
    json.writerWithDefaultPrettyPrinter()
        .writeValue(dst.resolve("manifest.json").toFile(), manifest);
  }

  /** Deletes a folder and everything under it (an incident withdrawn from the folder). */
  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * A corrected sample of incident {@code id} in the data set of {@code dataDir}: its first
   * uncompressed data file, without its last {@code rows} lines (rows found not to belong to the
   * leak). Returns the file's name.
   */
  static String correctIncidentFile(Path dataDir, String id, int rows) throws IOException {
    Path incident = dataDir.resolve("incidents").resolve(id);
    Path file;
    try (Stream<Path> files = Files.list(incident)) {
      file =
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().equals("manifest.json"))
              .filter(f -> !f.toString().endsWith(".gz"))
              .sorted()
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(id + ": no uncompressed data file"));
    }
    // Bytes, not text: a leaked file need not be valid in any charset.
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
      end--;
    }
    for (int dropped = 0; dropped < rows; dropped++) {
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      if (end == 0) {
        throw new IllegalStateException(file + ": too few lines to drop " + rows);
      }
      end--;
    }
    Files.write(file, java.util.Arrays.copyOf(bytes, end + 1));
    return file.getFileName().toString();
  }

  /**
   * The Auchan extract of the data set of {@code dataDir} with one customer appended (the last
   * row's details under a new id: a second account) and the email of the first {@code edited}
   * customers changed in place (same ids, same row count otherwise).
   */
  static void editCustomers(Path dataDir, int edited) throws IOException {
    Path master = dataDir.resolve("customers/auchan.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(master, StandardCharsets.UTF_8));
    List<String> header = List.of(lines.get(0).split(",", -1));
    int email = header.indexOf("email");
    if (!header.get(0).equals("id_client") || email < 0) {
      throw new IllegalStateException(master + ": not the generated Auchan extract: " + header);
    }
    int done = 0;
    for (int i = 1; i < lines.size() && done < edited; i++) {
      if (lines.get(i).contains("\"")) {
        continue; // quoted fields: not split on commas here
      }
      String[] fields = lines.get(i).split(",", -1);
      fields[email] = "nouvelle.adresse." + i + "@exemple.fr";
      lines.set(i, String.join(",", fields));
      done++;
    }
    String last = lines.get(lines.size() - 1);
    lines.add("9999999990" + last.substring(last.indexOf(',')));
    Files.write(master, lines, StandardCharsets.UTF_8);
  }

  /** The run log's rows of a date's last run, by stage. */
  static Map<String, Row> runLog(Path config, String date) {
    Dataset<Row> log = lake(config, "run_log").where(col("run_date").cast("string").equalTo(date));
    Map<String, Row> byStage = new TreeMap<>();
    for (Row r : log.orderBy(col("ended_at")).collectAsList()) {
      byStage.put(r.getAs("stage"), r);
    }
    return byStage;
  }

  /**
   * Every report of a date, analyst reports and notification zone, as sorted row strings by name;
   * run_summary left out (its run ids and seconds differ from run to run).
   */
  static Map<String, List<String>> reportsOf(Path config, String date) {
    LoadedConfig loaded = LoadedConfig.load(config);
    Map<String, List<String>> result = new TreeMap<>();
    for (String root :
        List.of(loaded.resolve(loaded.config().reportsDir()), loaded.notificationRoot())) {
      for (String name : reportNames(Path.of(root))) {
        Path partition = Path.of(root, name, "report_date=" + date);
        if (Files.isDirectory(partition)) {
          result.put(name, rows(TestSpark.session().read().parquet(partition.toString())));
        }
      }
    }
    return result;
  }

  /** run_summary of a date: each stage's counts, without run id, seconds or status. */
  static List<String> summaryCounts(Path config, String date) {
    LoadedConfig loaded = LoadedConfig.load(config);
    Path partition =
        Path.of(loaded.resolve(loaded.config().reportsDir()), "run_summary", "report_date=" + date);
    return rows(
        TestSpark.session()
            .read()
            .parquet(partition.toString())
            .select("stage", "source", "rows_in", "rows_out", "rows_quarantined"));
  }

  /** The CNIL drafts and art. 34 templates, by path under the notification zone. */
  static Map<String, byte[]> notificationFiles(Path config) {
    Path root = Path.of(LoadedConfig.load(config).notificationRoot());
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path f :
          all.filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".json"))
              .toList()) {
        files.put(root.relativize(f).toString(), Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
