package fr.breachimpact.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.generate.NoiseSettings;
import fr.breachimpact.generate.SampleDataGenerator;
import fr.breachimpact.link.LinkageEvaluation;
import fr.breachimpact.resolve.DedupEvaluation;
import fr.breachimpact.resolve.DedupMetrics;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.ConsoleCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A generated data set and one pipeline run over it, shared by every end-to-end test class of the
 * JVM (generating and running once keeps the suite fast).
 */
public final class GeneratedRun {
  public static final String RUN_DATE = "2026-11-29";
  public static final double SCALE = 0.1;
  private static final Map<String, GeneratedRun> RUNS = new HashMap<>();

  private final Path root;
  private final LoadedConfig config;
  private String console = "";

  private GeneratedRun(Path root) {
    this.root = root;
    this.config = LoadedConfig.load(root.resolve("config.json"));
  }

  public static synchronized GeneratedRun get() {
    return of(42, NoiseSettings.REALISTIC);
  }

  /**
   * One data set per seed and noise profile, each generated and run once per JVM: the default one
   * ({@link #get()}) and a second seed with harder settings.
   */
  public static synchronized GeneratedRun of(long seed, NoiseSettings noise) {
    String key = seed + "/" + noise;
    GeneratedRun cached = RUNS.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      Path root = Files.createTempDirectory("breach-impact-e2e");
      SampleDataGenerator.generate(root, seed, SCALE, SCALE, noise);
      // A throwaway pseudonym key in a file named by the config (tests cannot set env vars).
      Files.writeString(
          root.resolve("pseudonym.key"),
          "e2e-throwaway-key-" + Long.toHexString(System.nanoTime()));
      Path config = root.resolve("config.json");
      ObjectNode tree = (ObjectNode) Json.mapper().readTree(config.toFile());
      tree.with("report").put("pseudonym_key_file", "pseudonym.key");
      Json.mapper().writeValue(config.toFile(), tree);
      TestSpark.session();
      GeneratedRun run = new GeneratedRun(root);
      run.console = ConsoleCapture.during(() -> run.stage("nightly"));
      RUNS.put(key, run);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stage(String name, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = name;
    args[1] = "--config";
    args[2] = root.resolve("config.json").toString();
    args[3] = "--run-date=" + RUN_DATE;
    System.arraycopy(more, 0, args, 4, more.length);
    int code = BreachImpact.execute(args);
    if (code != ExitCode.OK) {
      throw new IllegalStateException("stage " + name + " exited " + code);
    }
  }

  /** What the pipeline printed on stdout and stderr while it ran. */
  public String console() {
    return console;
  }

  public Path root() {
    return root;
  }

  public Path truth() {
    return root.resolve("ground-truth");
  }

  public LoadedConfig config() {
    return config;
  }

  public Dataset<Row> lake(String table) {
    return TestSpark.session().read().format("delta").load(config.lakeTable(table));
  }

  public Dataset<Row> report(String name) {
    return TestSpark.session().read().parquet(config.reportPath(name));
  }

  /** Who each leaked record is: record_id, incident_id, person_id (duplicate files left out). */
  public Dataset<Row> recordTruth() {
    return LinkageEvaluation.recordTruth(
        lake("leaked_records").select("record_id", "incident_id", "source_file", "line_number"),
        truthCsv("leaked_records.csv").filter("NOT in_duplicate_file"));
  }

  /** The linkage of this run against its ground truth, as {@code evaluate} prints it. */
  public LinkageEvaluation.Report linkage() {
    return LinkageEvaluation.evaluate(
        lake("customer_matches"), recordTruth(), truthCsv("customers.csv"));
  }

  /** The deduplication of this run (record_person) against its ground truth. */
  public DedupMetrics deduplication() {
    Dataset<Row> truth = recordTruth();
    return DedupEvaluation.evaluate(
        lake("record_person"),
        truth.select(truth.col("record_id"), truth.col("person_id").as("true_person_id")));
  }

  public Dataset<Row> truthCsv(String file) {
    SparkSession spark = TestSpark.session();
    return spark
        .read()
        .option("header", "true")
        .option("inferSchema", "true")
        .csv(truth().resolve(file).toString());
  }
}
