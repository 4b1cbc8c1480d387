package fr.breachimpact.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a report as Parquet under {@code <reports>/<name>/report_date=<date>/}, replacing that
 * date only. The files go to a hidden sibling first ({@code _tmp_...}, which Parquet readers
 * skip) and are renamed into place, so that a reader never sees a half-written date.
 */
public final class ReportWriter {
  private ReportWriter() {}

  public static String partitionPath(String reportsRoot, String name, LocalDate date) {
    return reportsRoot + "/" + name + "/report_date=" + date;
  }

  public static void write(Dataset<Row> report, String reportsRoot, String name, LocalDate date) {
    String target = partitionPath(reportsRoot, name, date);
    String staging = reportsRoot + "/" + name + "/_tmp_report_date=" + date;
    report.write().mode(SaveMode.Overwrite).parquet(staging);
    Configuration conf = report.sparkSession().sparkContext().hadoopConfiguration();
    try {
      Path to = new Path(target);
      FileSystem fs = to.getFileSystem(conf);
      if (fs.exists(to) && !fs.delete(to, true)) {
        throw new IOException("cannot replace " + target);
      }
      if (!fs.rename(new Path(staging), to)) {
        throw new IOException("cannot move " + staging + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing report " + name + ": " + e.getMessage(), e);
    }
  }

  /** The rows of one date of a report, or null when that report or date does not exist. */
  public static Dataset<Row> readIfPresent(org.apache.spark.sql.SparkSession spark, String reportsRoot, String name, LocalDate date) {
    String path = partitionPath(reportsRoot, name, date);
    try {
      Path p = new Path(path);
      if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    return spark.read().parquet(path);
  }
}
