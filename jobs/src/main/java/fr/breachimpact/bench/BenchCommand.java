package fr.breachimpact.bench;

import fr.breachimpact.cli.ClassifyCommand;
import fr.breachimpact.cli.IngestCommand;
import fr.breachimpact.cli.JobOptions;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.FileTask;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.spark.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Times each stage on a generated data set, in one JVM, and prints one line per stage:
 * {@code stage=<name> records=N seconds=S rows_per_s=R peak_rss_mb=M} (median of the runs), with
 * the floor (a bare Spark scan of the same files) measured in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the stages (scripts/bench.sh).")
public final class BenchCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Option(names = "--repeat", defaultValue = "3", description = "Runs per stage; the median is printed.")
  int repeat;

  /** One timed measurement. */
  record Sample(double seconds, long peakMb) {}

  @Override
  public Integer call() {
    LoadedConfig config = LoadedConfig.load(options.config());
    SparkSession spark = SparkSessions.create("breach-impact bench", config.config().spark());
    List<FileTask> tasks = IngestPlanner.plan(IncidentCatalog.load(config), config.config().ingest());
    long[] records = new long[1];
    Sample floor = median(() -> records[0] = floorScan(spark, tasks));
    print("floor", records[0], floor, "");
    Sample ingest = median(() -> IngestCommand.run(spark, config, tasks, options.runDate(), "bench"));
    print("ingest", records[0], ingest, String.format(Locale.ROOT, " ratio_vs_floor=%.2f", ingest.seconds() / floor.seconds()));
    Sample classify = median(() -> ClassifyCommand.run(spark, config, ClassifyCommand.normalizer(options.runDate())));
    print("classify", records[0], classify, String.format(Locale.ROOT, " ratio_vs_ingest=%.2f", classify.seconds() / ingest.seconds()));
    return 0;
  }

  /** What Spark needs at the least to read the same files: a bare CSV (or text) scan and count. */
  static long floorScan(SparkSession spark, List<FileTask> tasks) {
    long n = 0;
    for (FileTask t : tasks) {
      FileSpec s = t.spec();
      if (s.isJsonLines()) {
        n += spark.read().text(t.location()).count();
      } else {
        n += spark.read().option("header", s.header()).option("sep", s.delimiter().equals("\\t") ? "\t" : s.delimiter())
            .option("encoding", s.encoding()).csv(t.location()).count();
      }
    }
    return n;
  }

  private Sample median(Runnable job) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < Math.max(1, repeat); i++) {
      System.gc();
      PeakMemory.reset();
      long start = System.nanoTime();
      job.run();
      samples.add(new Sample((System.nanoTime() - start) / 1e9, PeakMemory.peakMb()));
    }
    double[] secs = samples.stream().mapToDouble(Sample::seconds).sorted().toArray();
    long peak = samples.stream().mapToLong(Sample::peakMb).max().orElse(-1);
    return new Sample(secs[secs.length / 2], peak);
  }

  private static void print(String stage, long records, Sample s, String extra) {
    System.out.printf(Locale.ROOT, "stage=%s records=%d seconds=%.2f rows_per_s=%.0f peak_rss_mb=%d%s%n",
        stage, records, s.seconds(), records / s.seconds(), s.peakMb(), extra);
  }
}
