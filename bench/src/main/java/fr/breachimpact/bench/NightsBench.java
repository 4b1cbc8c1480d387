package fr.breachimpact.bench;

import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.config.CustomerSource;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.FileRowReader;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.pipeline.Nightly;
import fr.breachimpact.pipeline.NightlyStages;
import fr.breachimpact.spark.LakeTables;
import fr.breachimpact.spark.SparkSessions;
import fr.breachimpact.spark.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Whole nights on the bench's data set, in one JVM: a full night on a fresh lake, then each night
 * of {@link #AFTER_FULL} in turn, each after its change to the inputs and one day later: nothing
 * changed, one new incident of {@value NightChanges#NEW_INCIDENT_ROWS} leaked rows, 1 % of the
 * customers edited. All in the run date's month ({@link #firstDate}). One line per night: its wall
 * and CPU seconds, the ratio of each to the full night's, and what each stage did. The lake,
 * reports and notifications go to {@code nights/} beside the config (emptied first), with copies of
 * the incidents and customer extracts that the nights change, so that the stage benchmark's lake
 * and the generated data set are left alone.
 */
final class NightsBench {
  /** A night after the full one: its name and what changes in the copied inputs before it. */
  record Night(String name, Change change) {}

  /** A change to the nights' copies of the inputs before the night of {@code date}. */
  interface Change {
    /** Makes the change; returns the night's config (another only when the change needs it). */
    LoadedConfig apply(LoadedConfig config, LocalDate date);
  }

  /** The nights after the full one, in order: each changes the inputs the one before left. */
  static final List<Night> AFTER_FULL =
      List.of(
          new Night("nothing_changed", (config, date) -> config),
          new Night("new_incident", NightsBench::newIncident),
          new Night("customers_edited", NightsBench::editCustomers));

  /** One night's times and what its stages did. */
  record Measured(double seconds, double cpuSeconds, long peakMb, String stages) {}

  private NightsBench() {}

  static int run(Path config, LocalDate runDate) {
    LocalDate firstDate = firstDate(runDate);
    Path dir = config.toAbsolutePath().getParent();
    LoadedConfig loaded = LoadedConfig.load(nightsConfig(config, dir.resolve("nights")));
    SparkSession spark = SparkSessions.create("breach-impact bench nights", loaded);
    Measured full = night(spark, loaded, firstDate);
    long records = ingestedRows(spark, loaded);
    print("full", records, full, "");
    LocalDate date = firstDate;
    for (Night n : AFTER_FULL) {
      date = date.plusDays(1);
      loaded = n.change().apply(loaded, date);
      long before = ingestedRows(spark, loaded);
      Measured m = night(spark, loaded, date);
      // On stderr, beside the line: whether the night ingested what its change added.
      System.err.printf(
          Locale.ROOT,
          "nights: %s ingested_rows=+%d%n",
          n.name(),
          ingestedRows(spark, loaded) - before);
      print(
          n.name(),
          records,
          m,
          String.format(
              Locale.ROOT,
              " ratio_vs_full=%.3f cpu_ratio_vs_full=%.3f",
              m.seconds() / full.seconds(),
              m.cpuSeconds() / full.cpuSeconds()));
    }
    return 0;
  }

  /**
   * The full night's date: the run date, or as many days before it as keep every night in its
   * month. Customers and classify depend on the run month, so a night past a month's end would
   * recompute them whatever its change, which is not what the change costs.
   */
  static LocalDate firstDate(LocalDate runDate) {
    LocalDate last = runDate.withDayOfMonth(runDate.lengthOfMonth());
    LocalDate latest = last.minusDays(AFTER_FULL.size());
    return runDate.isAfter(latest) ? latest : runDate;
  }

  /** Rows read from the leaked files so far (ingested_files' rows_in). */
  private static long ingestedRows(SparkSession spark, LoadedConfig config) {
    return LakeTables.read(spark, config.lakeTable(Tables.INGESTED_FILES))
        .agg(sum("rows_in"))
        .first()
        .getLong(0);
  }

  /**
   * A new incident in the copied incidents folder ({@link NightChanges#newIncident}); named in the
   * config when the config lists its incidents, as ingestion then takes those only.
   */
  private static LoadedConfig newIncident(LoadedConfig config, LocalDate date) {
    String id = "bench-new-" + date;
    List<String> listed = config.config().incidents();
    String from =
        NightChanges.newIncident(
            Path.of(config.resolve(config.config().incidentsDir())), listed, id, date);
    System.err.printf(
        Locale.ROOT,
        "nights: new incident %s, the first %d rows of a file of %s%n",
        id,
        NightChanges.NEW_INCIDENT_ROWS,
        from);
    if (listed.isEmpty()) {
      return config;
    }
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode root = (ObjectNode) json.readTree(config.file().toFile());
      ((ArrayNode) root.get("incidents")).add(id);
      json.writerWithDefaultPrettyPrinter().writeValue(config.file().toFile(), root);
      return LoadedConfig.load(config.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link NightChanges#editCustomers} on every file of the copied customer extracts. */
  private static LoadedConfig editCustomers(LoadedConfig config, LocalDate date) {
    int edited = 0;
    for (CustomerSource source : config.config().customers()) {
      if (!source.format().equals("csv")) {
        throw new IllegalStateException(
            "the nights benchmark edits CSV customer extracts only, not " + source.format());
      }
      char delimiter = FileRowReader.delimiterChar(source.delimiter());
      for (Path file : filesUnder(Path.of(config.resolve(source.path())))) {
        edited +=
            NightChanges.editCustomers(
                file,
                Charset.forName(source.encoding()),
                delimiter,
                source.header(),
                source.mapping());
      }
    }
    System.err.printf(Locale.ROOT, "nights: %d customer rows edited%n", edited);
    return config;
  }

  /**
   * The file itself, or the files of a folder but the hidden ones (".", "_"), which Spark skips.
   */
  private static List<Path> filesUnder(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.walk(path)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p ->
                  !p.getFileName().toString().startsWith(".")
                      && !p.getFileName().toString().startsWith("_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Measured night(SparkSession spark, LoadedConfig config, LocalDate date) {
    System.gc();
    PeakMemory.reset();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    InputFiles files = new InputFiles(spark.sparkContext().hadoopConfiguration());
    List<Nightly.Outcome> outcomes =
        new Nightly(spark, config, date, "bench-night-" + date)
            .run(NightlyStages.of(config, false, files));
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (processCpuNanos() - cpuStart) / 1e9;
    String stages =
        outcomes.stream()
            .map(o -> String.format(Locale.ROOT, "%s:%s:%.1f", o.stage(), o.status(), o.seconds()))
            .collect(Collectors.joining(","));
    return new Measured(seconds, cpu, PeakMemory.peakMb(), stages);
  }

  private static void print(String night, long records, Measured m, String extra) {
    System.out.printf(
        Locale.ROOT,
        "night=%s records=%d seconds=%.2f cpu_seconds=%.1f peak_rss_mb=%d%s stages=%s%n",
        night,
        records,
        m.seconds(),
        m.cpuSeconds(),
        m.peakMb(),
        extra,
        m.stages());
  }

  /** CPU time of this JVM, every thread: beside the wall time when the machine is shared. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The bench's config with the lake, reports and notifications under {@code nights}, emptied: the
   * first night is a full one. The incidents folder and the customer extracts are copied there and
   * the config points at the copies, which the nights after the full one change. Written beside the
   * config, so that its other paths stay valid.
   */
  static Path nightsConfig(Path config, Path nights) {
    try {
      if (Files.exists(nights)) {
        try (Stream<Path> old = Files.walk(nights)) {
          for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      LoadedConfig original = LoadedConfig.load(config);
      ObjectMapper json = new ObjectMapper();
      ObjectNode root = (ObjectNode) json.readTree(config.toFile());
      String folder = nights.getFileName().toString();
      root.put("lake_dir", folder + "/lake");
      root.put("reports_dir", folder + "/reports");
      root.put("notification_dir", folder + "/notifications");
      copyTree(
          Path.of(original.resolve(original.config().incidentsDir())), nights.resolve("incidents"));
      root.put("incidents_dir", folder + "/incidents");
      ArrayNode customers = (ArrayNode) root.get("customers");
      for (int i = 0; i < original.config().customers().size(); i++) {
        Path from = Path.of(original.resolve(original.config().customers().get(i).path()));
        // Two extracts of the same name (from different folders) keep apart.
        String name = from.getFileName().toString();
        if (Files.exists(nights.resolve("customers").resolve(name))) {
          name = i + "-" + name;
        }
        copyTree(from, nights.resolve("customers").resolve(name));
        ((ObjectNode) customers.get(i)).put("path", folder + "/customers/" + name);
      }
      Path written = config.toAbsolutePath().resolveSibling("config-" + folder + ".json");
      json.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), root);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file, or a folder and everything under it, copied to {@code to}. */
  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }
}
