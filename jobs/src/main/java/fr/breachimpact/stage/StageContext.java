package fr.breachimpact.stage;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.spark.LakeTables;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage runs against: the session, the loaded config, the logical date of the run, and the
 * lake's tables by name ({@link fr.breachimpact.spark.Tables}), read and written through {@link
 * LakeTables}, so that a stage names tables and never builds a path or a Delta writer.
 */
public record StageContext(SparkSession spark, LoadedConfig config, LocalDate runDate) {
  /** The path of a lake table. */
  public String table(String name) {
    return config.lakeTable(name);
  }

  public Dataset<Row> read(String table) {
    return LakeTables.read(spark, table(table));
  }

  public boolean exists(String table) {
    return LakeTables.exists(spark, table(table));
  }

  /** Replaces the table's content in one commit. */
  public void overwrite(Dataset<Row> frame, String table) {
    LakeTables.overwrite(frame, table(table));
  }

  /** {@link #overwrite}, returning the rows written. */
  public long overwriteCounted(Dataset<Row> frame, String table) {
    return LakeTables.overwriteCounted(spark, frame, table(table));
  }

  /** {@link #overwrite}, the commit tagged with this run's date (see {@link #lastRunBefore}). */
  public void overwriteSnapshot(Dataset<Row> frame, String table) {
    LakeTables.overwriteSnapshot(frame, table(table), runDate);
  }

  /** Replaces the rows of this run's date only. */
  public void replaceRunDate(Dataset<Row> frame, String table) {
    LakeTables.replaceRunDate(spark, frame, table(table), runDate);
  }

  /** Replaces the rows {@code predicate} selects (Delta replaceWhere). */
  public void replaceWhere(Dataset<Row> frame, String table, String predicate) {
    LakeTables.replaceWhere(frame, table(table), predicate);
  }

  /** Deletes the rows {@code predicate} selects. */
  public void delete(String table, String predicate) {
    LakeTables.delete(spark, table(table), predicate);
  }

  /** The table as the last run of an earlier date left it; null when there is none. */
  public Dataset<Row> lastRunBefore(String table) {
    return LakeTables.lastRunBefore(spark, table(table), runDate);
  }
}
