package fr.breachimpact.bench;

import fr.breachimpact.cli.ClassifyCommand;
import fr.breachimpact.cli.CustomersCommand;
import fr.breachimpact.cli.LinkCommand;
import fr.breachimpact.cli.ReportCommand;
import fr.breachimpact.cli.ResolveCommand;
import fr.breachimpact.spark.LakeTables;
import java.time.LocalDate;
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
    LocalDate date = options.runDate();
    List<FileTask> tasks = IngestPlanner.plan(IncidentCatalog.load(config), config.config().ingest());
    long[] records = new long[1];
    Sample floor = median(() -> records[0] = floorScan(spark, tasks));
    print("floor", records[0], floor, "");
    Sample ingest = median(() -> IngestCommand.run(spark, config, tasks, date, "bench"));
    print("ingest", records[0], ingest, ratio("floor", ingest, floor));
    Sample customers = median(() -> CustomersCommand.run(spark, config, date));
    print("customers", records[0], customers, "");
    // Normalise alone, then normalise and classify, both forced through a no-op sink.
    Sample normalize = median(() -> LakeTables.read(spark, config.lakeTable("leaked_records"))
        .transform(ClassifyCommand.normalizer(date)::normalize).write().format("noop").mode("overwrite").save());
    print("normalize", records[0], normalize, ratio("ingest", normalize, ingest));
    Sample classify = median(() -> ClassifyCommand.run(spark, config, ClassifyCommand.normalizer(date)));
    print("classify", records[0], classify, ratio("ingest", classify, ingest) + " (normalize+classify, written)");
    long customerCount = LakeTables.read(spark, config.lakeTable("customers_clean")).count();
    Sample link = median(() -> LinkCommand.run(spark, config, date, false));
    print("link", records[0], link, " customers=" + customerCount);
    Sample resolve = median(() -> ResolveCommand.run(spark, config, date));
    print("resolve", records[0], resolve, ratio("link", resolve, link));
    Sample report = median(() -> ReportCommand.run(spark, config, date));
    print("report", records[0], report, "");
    double total = ingest.seconds() + customers.seconds() + classify.seconds() + link.seconds() + resolve.seconds() + report.seconds();
    System.out.printf(Locale.ROOT, "stage=nightly records=%d seconds=%.2f rows_per_s=%.0f (sum of the stage medians)%n",
        records[0], total, records[0] / total);
    return 0;
  }

  private static String ratio(String name, Sample a, Sample b) {
    return String.format(Locale.ROOT, " ratio_vs_%s=%.2f", name, a.seconds() / b.seconds());
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
