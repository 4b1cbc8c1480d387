package fr.breachimpact.faults;

import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.ingest.IngestStage;
import fr.breachimpact.spark.LakeTables;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Child-JVM main of {@link TaskRetryTest}: ingests an incident into {@code leaked_records} with the
 * first attempt of partition 0 of the write failing after a few rows, on {@code local[2,4]} (local
 * mode retries a failed task only when given a failure count; the shared test session is {@code
 * local[2]}, hence a JVM of its own). Prints {@code failed_tasks=N}.
 */
public final class RetriedTaskRun {
  private RetriedTaskRun() {}

  public static void main(String[] args) throws Exception {
    LoadedConfig config = LoadedConfig.load(Path.of(args[0]));
    SparkSession spark =
        SparkSession.builder()
            .master("local[2,4]")
            .appName("retried-task")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    AtomicInteger failed = new AtomicInteger();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                  failed.incrementAndGet();
                }
              }
            });
    Dataset<Row> records =
        IngestStage.leakedRecords(
            IngestStage.outcomes(
                spark,
                IngestPlanner.plan(IncidentCatalog.load(config), IngestConfig.defaults()),
                IngestConfig.defaults()));
    Dataset<Row> failing =
        records.mapPartitions(new FailFirstAttempt(), Encoders.row(records.schema()));
    LakeTables.overwrite(failing, config.lakeTable("leaked_records"));
    spark.sparkContext().listenerBus().waitUntilEmpty();
    System.out.println("failed_tasks=" + failed.get());
    spark.stop();
  }

  /** Partition 0, first attempt: hands a few rows to the writer, then fails. */
  static final class FailFirstAttempt implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final int ROWS_BEFORE_FAILURE = 10;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      TaskContext task = TaskContext.get();
      if (task.partitionId() != 0 || task.attemptNumber() != 0) {
        return rows;
      }
      return new Iterator<>() {
        int given;

        @Override
        public boolean hasNext() {
          if (given >= ROWS_BEFORE_FAILURE || !rows.hasNext()) {
            throw new IllegalStateException(
                "injected failure of partition 0, attempt 0, after " + given + " rows");
          }
          return true;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          given++;
          return rows.next();
        }
      };
    }
  }
}
