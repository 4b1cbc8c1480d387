package fr.breachimpact.bench;

import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.pipeline.Nightly;
import fr.breachimpact.pipeline.NightlyStages;
import fr.breachimpact.spark.LakeTables;
import fr.breachimpact.spark.SparkSessions;
import fr.breachimpact.spark.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Whole nights on the bench's data set, in one JVM: a full night on a fresh lake, then each night
 * of {@link #AFTER_FULL} in turn, each after its change to the inputs and one day later. One line
 * per night: its wall and CPU seconds, the ratio of each to the full night's, and what each stage
 * did. The lake, reports and notifications go to {@code nights/} beside the config (emptied first),
 * so that the stage benchmark's lake is left alone.
 */
final class NightsBench {
  /** A night after the full one: its name and what changes in the data set's folder before it. */
  record Night(String name, Consumer<Path> change) {}

  /** The nights after the full one; a new incident or edited customers are further entries. */
  static final List<Night> AFTER_FULL = List.of(new Night("nothing_changed", dir -> {}));

  /** One night's times and what its stages did. */
  record Measured(double seconds, double cpuSeconds, long peakMb, String stages) {}

  private NightsBench() {}

  static int run(Path config, LocalDate firstDate) {
    Path dir = config.toAbsolutePath().getParent();
    LoadedConfig loaded = LoadedConfig.load(nightsConfig(config, dir.resolve("nights")));
    SparkSession spark = SparkSessions.create("breach-impact bench nights", loaded);
    Measured full = night(spark, loaded, firstDate);
    long records =
        LakeTables.read(spark, loaded.lakeTable(Tables.INGESTED_FILES))
            .agg(sum("rows_in"))
            .first()
            .getLong(0);
    print("full", records, full, "");
    LocalDate date = firstDate;
    for (Night n : AFTER_FULL) {
      n.change().accept(dir);
      date = date.plusDays(1);
      Measured m = night(spark, loaded, date);
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
   * first night is a full one. Written beside the config, so that its other paths stay valid.
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
      ObjectMapper json = new ObjectMapper();
      ObjectNode root = (ObjectNode) json.readTree(config.toFile());
      String folder = nights.getFileName().toString();
      root.put("lake_dir", folder + "/lake");
      root.put("reports_dir", folder + "/reports");
      root.put("notification_dir", folder + "/notifications");
      Path written = config.toAbsolutePath().resolveSibling("config-" + folder + ".json");
      json.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), root);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
