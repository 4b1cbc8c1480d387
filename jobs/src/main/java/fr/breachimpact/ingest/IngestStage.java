package fr.breachimpact.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.config.IngestConfig;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Stage 1 as Dataset functions: files -> row outcomes -> {@code leaked_records}, {@code quarantine}
 * and per-file counts. Reading happens in {@link #outcomes}; writing is the command's job.
 */
public final class IngestStage {
  private IngestStage() {}

  /** One row per row of every file, accepted or quarantined; one partition per file. */
  public static Dataset<Row> outcomes(
      SparkSession spark, List<FileTask> tasks, IngestConfig config) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // The session's Hadoop configuration travels to the executors that open the files.
    Broadcast<SerializableConfiguration> hadoop =
        jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    JavaRDD<Row> rows =
        jsc.parallelize(tasks, Math.max(1, tasks.size()))
            .flatMap(task -> new OutcomeRows(task, config, hadoop.value().value()));
    return spark.createDataFrame(rows, IngestSchemas.outcomes());
  }

  /** Stable record id: the same file line of the same incident always gets the same id. */
  public static Column recordId() {
    return concat(
        lit("r"),
        substring(
            sha2(
                concat_ws(
                    "\u0000",
                    col("incident_id"),
                    col("file_sha256"),
                    col("line_number").cast("string")),
                256),
            1,
            16));
  }

  public static Dataset<Row> leakedRecords(Dataset<Row> outcomes) {
    return outcomes
        .filter(col("accepted"))
        .withColumn("record_id", recordId())
        .selectExpr(IngestSchemas.leakedRecordColumns().toArray(new String[0]));
  }

  public static Dataset<Row> quarantine(Dataset<Row> outcomes) {
    return outcomes
        .filter(functions.not(col("accepted")))
        .selectExpr(IngestSchemas.quarantineColumns().toArray(new String[0]));
  }

  /** Per file: rows_in = rows_out + rows_quarantined, and the quarantined rows by reason. */
  public static Dataset<Row> fileCounts(Dataset<Row> outcomes) {
    Dataset<Row> byReason =
        outcomes
            .filter(functions.not(col("accepted")))
            .groupBy("incident_id", "source_file", "reason")
            .agg(count(lit(1)).as("n"))
            .groupBy("incident_id", "source_file")
            .agg(
                map_from_entries(
                        functions.array_sort(
                            functions.collect_list(struct(col("reason"), col("n")))))
                    .as("quarantine_by_reason"));
    return outcomes
        .groupBy("incident_id", "source_file", "file_sha256")
        .agg(
            count(lit(1)).as("rows_in"),
            sum(when(col("accepted"), 1L).otherwise(0L)).as("rows_out"),
            sum(when(col("accepted"), 0L).otherwise(1L)).as("rows_quarantined"))
        .join(byReason, new String[] {"incident_id", "source_file"}, "left");
  }
}
