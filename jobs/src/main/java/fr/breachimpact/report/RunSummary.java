package fr.breachimpact.report;

import fr.breachimpact.spark.ScalaMaps;
import fr.breachimpact.spark.Tables;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code run_summary} report: counts in and out of each stage, quarantine by reason, timings.
 * Partitioned by report_date and stage, so that each stage replaces its own rows of the date and
 * never another's (idempotent re-runs); written as every report is ({@link ReportWriter}).
 */
public final class RunSummary {
  /** One line of the summary: a stage's figures for one source (a file, a table, "all"). */
  public record Line(
      String source,
      long rowsIn,
      long rowsOut,
      long rowsQuarantined,
      Map<String, Long> quarantineByReason,
      double seconds,
      String detail) {}

  public static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("run_id", DataTypes.StringType, false),
              DataTypes.createStructField("run_date", DataTypes.DateType, false),
              DataTypes.createStructField("source", DataTypes.StringType, false),
              DataTypes.createStructField("rows_in", DataTypes.LongType, false),
              DataTypes.createStructField("rows_out", DataTypes.LongType, false),
              DataTypes.createStructField("rows_quarantined", DataTypes.LongType, false),
              DataTypes.createStructField(
                  "quarantine_by_reason",
                  DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
                  true),
              DataTypes.createStructField("seconds", DataTypes.DoubleType, false),
              DataTypes.createStructField("detail", DataTypes.StringType, true),
              DataTypes.createStructField("report_date", DataTypes.DateType, false),
              DataTypes.createStructField("stage", DataTypes.StringType, false)));

  private RunSummary() {}

  /** A new run's id, from the time it starts: its run_summary rows (and run_log's) carry it. */
  public static String newRunId() {
    return "run-" + Instant.now().toString().replaceAll("[^0-9TZ]", "");
  }

  public static Dataset<Row> frame(
      SparkSession spark, String runId, LocalDate runDate, String stage, List<Line> lines) {
    List<Row> rows = new ArrayList<>();
    Date date = Date.valueOf(runDate);
    for (Line l : lines) {
      rows.add(
          RowFactory.create(
              runId,
              date,
              l.source(),
              l.rowsIn(),
              l.rowsOut(),
              l.rowsQuarantined(),
              ScalaMaps.of(l.quarantineByReason()),
              l.seconds(),
              l.detail(),
              date,
              stage));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** Replaces this stage's rows for the date; other stages and dates stay. */
  public static void write(
      SparkSession spark,
      String reportsRoot,
      String runId,
      LocalDate runDate,
      String stage,
      List<Line> lines) {
    // The partition columns are the folders' names, not columns of the files.
    ReportWriter.write(
        frame(spark, runId, runDate, stage, lines).drop("report_date", "stage").coalesce(1),
        reportsRoot,
        Tables.RUN_SUMMARY,
        runDate,
        "stage",
        stage);
  }
}
