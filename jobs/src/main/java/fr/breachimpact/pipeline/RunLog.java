package fr.breachimpact.pipeline;

import static org.apache.spark.sql.functions.col;

import fr.breachimpact.spark.LakeTables;
import fr.breachimpact.spark.ScalaMaps;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code run_log} Delta table: one row per stage of each nightly run as it ends, and one row
 * for the run itself (stage {@code nightly}). Appended stage by stage, so that a run killed in the
 * middle still tells the next one which stages completed, with which fingerprint.
 */
public final class RunLog {
  /** One stage execution, or the run's own row. */
  public record Entry(
      String runId,
      LocalDate runDate,
      String stage,
      String status,
      String reason,
      String fingerprint,
      Instant startedAt,
      Instant endedAt,
      long rowsOut,
      Map<String, String> inputVersions,
      String error,
      String slowestSparkStage) {

    /** A row whose stage ran no Spark stage worth naming (or the run's own row). */
    public Entry(
        String runId,
        LocalDate runDate,
        String stage,
        String status,
        String reason,
        String fingerprint,
        Instant startedAt,
        Instant endedAt,
        long rowsOut,
        Map<String, String> inputVersions,
        String error) {
      this(
          runId,
          runDate,
          stage,
          status,
          reason,
          fingerprint,
          startedAt,
          endedAt,
          rowsOut,
          inputVersions,
          error,
          null);
    }
  }

  public static final StructType SCHEMA =
      new StructType()
          .add("run_id", "string", false)
          .add("run_date", "date", false)
          .add("stage", "string", false)
          .add("status", "string", false)
          .add("reason", "string", true)
          .add("fingerprint", "string", true)
          .add("started_at", "timestamp", false)
          .add("ended_at", "timestamp", false)
          .add("seconds", "double", false)
          .add("rows_out", "long", false)
          .add(
              "input_versions",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
              true)
          .add("error", "string", true)
          .add("slowest_spark_stage", "string", true);

  private final SparkSession spark;
  private final String path;

  public RunLog(SparkSession spark, String path) {
    this.spark = spark;
    this.path = path;
  }

  public void append(Entry e) {
    Row row =
        RowFactory.create(
            e.runId(),
            Date.valueOf(e.runDate()),
            e.stage(),
            e.status(),
            e.reason(),
            e.fingerprint(),
            Timestamp.from(e.startedAt()),
            Timestamp.from(e.endedAt()),
            (e.endedAt().toEpochMilli() - e.startedAt().toEpochMilli()) / 1000.0,
            e.rowsOut(),
            ScalaMaps.of(e.inputVersions()),
            e.error(),
            e.slowestSparkStage());
    // Appended merging the schema: a run_log written before slowest_spark_stage gains the column.
    LakeTables.append(spark.createDataFrame(List.of(row), SCHEMA).coalesce(1), path);
  }

  /**
   * A stage's latest completed execution: its fingerprint, the input versions it read, the date it
   * ran for and when it ended.
   */
  public record Completed(
      String fingerprint, Map<String, String> inputVersions, LocalDate runDate, Instant endedAt) {}

  /**
   * The stage's latest completed execution (ran or reused), if any: the state its output tables are
   * in, since a killed stage never commits.
   */
  public Optional<Completed> lastCompleted(String stage) {
    if (!LakeTables.exists(spark, path)) {
      return Optional.empty();
    }
    List<Row> rows =
        LakeTables.read(spark, path)
            .filter(col("stage").equalTo(stage).and(col("status").isin("ran", "reused")))
            .orderBy(col("ended_at").desc(), col("run_id").desc())
            .select("fingerprint", "input_versions", "run_date", "ended_at")
            .limit(1)
            .collectAsList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row r = rows.get(0);
    Map<String, String> versions =
        r.isNullAt(1) ? Map.of() : Map.copyOf(r.<String, String>getJavaMap(1));
    return Optional.of(
        new Completed(
            r.getString(0), versions, r.getDate(2).toLocalDate(), r.getTimestamp(3).toInstant()));
  }
}
