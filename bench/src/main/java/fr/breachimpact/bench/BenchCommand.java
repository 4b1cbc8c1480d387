package fr.breachimpact.bench;

import fr.breachimpact.bench.DeterministicBaseline.ResultRow;
import fr.breachimpact.cli.JobOptions;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.FileTask;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.spark.LakeTables;
import fr.breachimpact.spark.SparkSessions;
import fr.breachimpact.spark.Tables;
import fr.breachimpact.stage.Classify;
import fr.breachimpact.stage.Customers;
import fr.breachimpact.stage.Ingest;
import fr.breachimpact.stage.Link;
import fr.breachimpact.stage.Report;
import fr.breachimpact.stage.Resolve;
import fr.breachimpact.stage.StageContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Times each stage on a generated data set, in one JVM, and prints one line per stage: {@code
 * stage=<name> records=N seconds=S rows_per_s=R peak_rss_mb=M} (median of the runs), with the floor
 * (a bare Spark scan of the same files) measured in the same run, and a second reference: the
 * deterministic join and aggregation ({@link DeterministicBaseline}) on Spark and on DuckDB over
 * the same files, {@code stage=deterministic engine=spark|duckdb ...}, the Spark line with {@code
 * ratio_vs_duckdb}; the run fails when the two engines return different rows. With {@code
 * --nights}, whole nights instead ({@link NightsBench}).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark the stages (scripts/bench.sh).")
public final class BenchCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  /** Fewest runs of each engine behind the deterministic ratio. */
  static final int DETERMINISTIC_RUNS = 3;

  @Option(
      names = "--repeat",
      defaultValue = "3",
      description = "Runs per stage; the median is printed.")
  int repeat;

  @Option(
      names = "--nights",
      description =
          "Time whole nights instead of the stages: a full night on a fresh lake, then a night with"
              + " nothing changed, one with a new incident of 10,000 records and one with 1 % of"
              + " the customers edited (on copies of the inputs), each with its ratio to the full"
              + " night.")
  boolean nights;

  /** One timed measurement. */
  record Sample(double seconds, long peakMb) {}

  @Override
  public Integer call() {
    if (nights) {
      return NightsBench.run(options.config(), options.runDate());
    }
    LoadedConfig config = LoadedConfig.load(options.config());
    SparkSession spark = SparkSessions.create("breach-impact bench", config.config().spark());
    LocalDate date = options.runDate();
    StageContext context = new StageContext(spark, config, date);
    List<FileTask> tasks =
        IngestPlanner.plan(IncidentCatalog.load(config), config.config().ingest());
    long[] records = new long[1];
    Sample floor = median(() -> records[0] = floorScan(spark, tasks));
    print("floor", records[0], floor, "");
    Sample ingest = median(() -> new Ingest("bench").ingest(context, tasks));
    print("ingest", records[0], ingest, ratio("floor", ingest, floor));
    Sample customers = median(() -> new Customers().run(context));
    print("customers", records[0], customers, "");
    // Normalise alone, then normalise and classify, both forced through a no-op sink.
    Sample normalize =
        median(
            () ->
                LakeTables.read(spark, config.lakeTable(Tables.LEAKED_RECORDS))
                    .transform(Classify.normalizer(date)::normalize)
                    .write()
                    .format("noop")
                    .mode("overwrite")
                    .save());
    print("normalize", records[0], normalize, ratio("ingest", normalize, ingest));
    Sample classify = median(() -> new Classify().run(context));
    print(
        "classify",
        records[0],
        classify,
        ratio("ingest", classify, ingest) + " (normalize+classify, written)");
    long customerCount = LakeTables.read(spark, config.lakeTable(Tables.CUSTOMERS_CLEAN)).count();
    deterministic(spark, config, records[0]);
    Sample link = median(() -> new Link(false, null, true).run(context));
    print("link", records[0], link, " customers=" + customerCount);
    Sample resolve = median(() -> new Resolve(null, true).run(context));
    print("resolve", records[0], resolve, ratio("link", resolve, link));
    Sample report = median(() -> new Report().run(context));
    print("report", records[0], report, "");
    double total =
        ingest.seconds()
            + customers.seconds()
            + classify.seconds()
            + link.seconds()
            + resolve.seconds()
            + report.seconds();
    System.out.printf(
        Locale.ROOT,
        "stage=nightly records=%d seconds=%.2f rows_per_s=%.0f (sum of the stage medians)%n",
        records[0],
        total,
        records[0] / total);
    return 0;
  }

  /**
   * The deterministic baseline ({@link DeterministicBaseline}) on Spark and on DuckDB over the same
   * Parquet files of the current snapshot of the clean tables. Fails when the two engines return
   * different rows; otherwise prints one line per engine, the Spark one with its ratio to DuckDB.
   * DuckDB is given the file list (it does not read the Delta log) and runs with its defaults; its
   * line has no peak_rss_mb: it runs inside this JVM, whose resident memory is mostly Spark's.
   */
  private void deterministic(SparkSession spark, LoadedConfig config, long records) {
    Map<String, List<String>> brands = Link.incidentBrands(config);
    String leaked = config.lakeTable(Tables.LEAKED_RECORDS_CLEAN);
    String customers = config.lakeTable(Tables.CUSTOMERS_CLEAN);
    AtomicReference<List<ResultRow>> onSpark = new AtomicReference<>();
    // A ratio of two short runs moves with the machine: at least three runs of each engine, even
    // where the stages run once (the two queries take seconds, not minutes).
    int runs = Math.max(DETERMINISTIC_RUNS, repeat);
    Sample sparkRun =
        median(
            runs,
            () ->
                onSpark.set(
                    DeterministicBaseline.onSpark(
                        LakeTables.read(spark, leaked),
                        LakeTables.read(spark, customers),
                        DeterministicBaseline.incidentBrands(spark, brands))));
    String rows = " result_rows=" + onSpark.get().size();
    if (config.config().encryption().enabled()) {
      print("deterministic engine=spark", records, sparkRun, rows);
      System.out.println("stage=deterministic engine=duckdb skipped=encrypted_lake");
      return;
    }
    List<String> leakedFiles = DeterministicBaseline.localFiles(LakeTables.read(spark, leaked));
    List<String> customerFiles =
        DeterministicBaseline.localFiles(LakeTables.read(spark, customers));
    int threads =
        DeterministicBaseline.duckDbThreads(); // also loads the native library before timing
    AtomicReference<List<ResultRow>> onDuckDb = new AtomicReference<>();
    Sample duckDbRun =
        median(
            runs,
            () -> onDuckDb.set(DeterministicBaseline.duckDb(leakedFiles, customerFiles, brands)));
    DeterministicBaseline.requireSame(onSpark.get(), onDuckDb.get());
    // Not the baseline: DuckDB given Spark's plan, so that the ratio is not read as the engines'
    // gap.
    Sample masksRun =
        median(
            runs,
            () ->
                onDuckDb.set(
                    DeterministicBaseline.duckDbWithMasks(leakedFiles, customerFiles, brands)));
    DeterministicBaseline.requireSame(onSpark.get(), onDuckDb.get());
    print(
        "deterministic engine=spark",
        records,
        sparkRun,
        ratio("duckdb", sparkRun, duckDbRun) + rows);
    System.out.printf(
        Locale.ROOT,
        "stage=deterministic engine=duckdb records=%d seconds=%.2f rows_per_s=%.0f threads=%d%s%n",
        records,
        duckDbRun.seconds(),
        records / duckDbRun.seconds(),
        threads,
        rows);
    System.out.printf(
        Locale.ROOT,
        "stage=deterministic engine=duckdb plan=category_masks records=%d seconds=%.2f rows_per_s=%.0f threads=%d spark_ratio=%.2f%s%n",
        records,
        masksRun.seconds(),
        records / masksRun.seconds(),
        threads,
        sparkRun.seconds() / masksRun.seconds(),
        rows);
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
        n +=
            spark
                .read()
                .option("header", s.header())
                .option("sep", s.delimiter().equals("\\t") ? "\t" : s.delimiter())
                .option("encoding", s.encoding())
                .csv(t.location())
                .count();
      }
    }
    return n;
  }

  private Sample median(Runnable job) {
    return median(repeat, job);
  }

  private static Sample median(int runs, Runnable job) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < Math.max(1, runs); i++) {
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

  /** {@code stage} may carry further keys after the name: "deterministic engine=spark". */
  private static void print(String stage, long records, Sample s, String extra) {
    System.out.printf(
        Locale.ROOT,
        "stage=%s records=%d seconds=%.2f rows_per_s=%.0f peak_rss_mb=%d%s%n",
        stage,
        records,
        s.seconds(),
        records / s.seconds(),
        s.peakMb(),
        extra);
  }
}
