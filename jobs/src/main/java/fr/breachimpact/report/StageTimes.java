package fr.breachimpact.report;

import static org.apache.spark.sql.functions.col;

import fr.breachimpact.spark.LakeTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The stage rows of the latest nightly run of a date, from run_log: what the HTML summary shows of
 * where the night's time went. The report stage reads them while it runs, so its own row (and the
 * run's) are not there yet.
 */
public final class StageTimes {
  /** One stage: how long it took and its slowest Spark stage (null when unknown or reused). */
  public record Line(String stage, String status, double seconds, String slowestSparkStage) {}

  private StageTimes() {}

  public static List<Line> latestRun(SparkSession spark, String runLogPath, LocalDate runDate) {
    if (!LakeTables.exists(spark, runLogPath)) {
      return List.of();
    }
    Dataset<Row> log =
        LakeTables.read(spark, runLogPath).where(col("run_date").equalTo(Date.valueOf(runDate)));
    List<Row> latest =
        log.orderBy(col("started_at").desc()).select("run_id").limit(1).collectAsList();
    if (latest.isEmpty()) {
      return List.of();
    }
    // A log written before slowest_spark_stage existed has no such column.
    boolean slowest = Arrays.asList(log.columns()).contains("slowest_spark_stage");
    return log
        .where(
            col("run_id").equalTo(latest.get(0).getString(0)).and(col("stage").notEqual("nightly")))
        .orderBy("started_at")
        .collectAsList()
        .stream()
        .map(
            r ->
                new Line(
                    r.getAs("stage"),
                    r.getAs("status"),
                    r.<Double>getAs("seconds"),
                    slowest ? r.getAs("slowest_spark_stage") : null))
        .toList();
  }
}
