package fr.breachimpact.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a report as Parquet under {@code <reports>/<name>/report_date=<date>/}, replacing that
 * date only. The files go to a hidden sibling first ({@code _tmp_...}, which Parquet readers skip)
 * and are renamed into place, so that a reader never sees a half-written date.
 */
public final class ReportWriter {
  private ReportWriter() {}

  public static String partitionPath(String reportsRoot, String name, LocalDate date) {
    return reportsRoot + "/" + name + "/report_date=" + date;
  }

  /**
   * @throws UncheckedIOException on a write or move failure (disk full, no permission): one line
   *     naming the report's folder and the cause; other dates of the report are never touched, and
   *     the date being written keeps its previous content unless the failure hits the final move
   */
  public static void write(Dataset<Row> report, String reportsRoot, String name, LocalDate date) {
    replace(report, reportsRoot + "/" + name, "report_date=" + date, name);
  }

  /**
   * Writes one {@code <column>=<value>} partition of a date, {@code
   * <reports>/<name>/report_date=<date>/<column>=<value>/}, as {@link #write} does: run_summary,
   * where each stage replaces its own rows of the date and no other's.
   */
  public static void write(
      Dataset<Row> report,
      String reportsRoot,
      String name,
      LocalDate date,
      String column,
      String value) {
    replace(report, partitionPath(reportsRoot, name, date), column + "=" + value, name);
  }

  /** Writes {@code <folder>/<partition>}: staged in a hidden sibling, then renamed into place. */
  private static void replace(Dataset<Row> report, String folder, String partition, String name) {
    String target = folder + "/" + partition;
    String staging = folder + "/_tmp_" + partition;
    Configuration conf = report.sparkSession().sparkContext().hadoopConfiguration();
    try {
      report.write().mode(SaveMode.Overwrite).parquet(staging);
    } catch (Exception e) { // Spark's SparkException is checked but thrown from Scala undeclared
      removeQuietly(staging, conf);
      throw new UncheckedIOException(failure(name, target, e), new IOException(e));
    }
    moveIntoPlace(staging, target, name, conf);
  }

  /**
   * Writes a report's date {@code to} as a copy of its date {@code from}, file by file (the date is
   * the folder's name, not a column of the files), staged and renamed into place as {@link #write}
   * does: the rows of a date whose inputs did not change, without computing them again.
   *
   * @return false, having written nothing, when the report has no date {@code from}
   */
  public static boolean copy(
      Configuration conf, String reportsRoot, String name, LocalDate from, LocalDate to) {
    Path source = new Path(partitionPath(reportsRoot, name, from));
    String target = partitionPath(reportsRoot, name, to);
    String staging = reportsRoot + "/" + name + "/_tmp_report_date=" + to;
    try {
      FileSystem fs = source.getFileSystem(conf);
      if (!fs.isDirectory(source)) {
        return false;
      }
      Path stagingPath = new Path(staging);
      if (fs.exists(stagingPath) && !fs.delete(stagingPath, true)) {
        throw new IOException("cannot delete " + staging + " left by an earlier run");
      }
      if (!FileUtil.copy(fs, source, fs, stagingPath, false, conf)) {
        throw new IOException("cannot copy " + source);
      }
    } catch (IOException e) {
      removeQuietly(staging, conf);
      throw new UncheckedIOException(failure(name, target, e), e);
    }
    moveIntoPlace(staging, target, name, conf);
    return true;
  }

  /** Whether a report has rows of that date (its folder is there). */
  public static boolean exists(
      Configuration conf, String reportsRoot, String name, LocalDate date) {
    Path p = new Path(partitionPath(reportsRoot, name, date));
    try {
      return p.getFileSystem(conf).isDirectory(p);
    } catch (IOException e) {
      return false;
    }
  }

  /** Replaces {@code target} by the staged folder; on failure removes the staging folder. */
  private static void moveIntoPlace(
      String staging, String target, String name, Configuration conf) {
    try {
      Path to = new Path(target);
      FileSystem fs = to.getFileSystem(conf);
      if (fs.exists(to) && !fs.delete(to, true)) {
        throw new IOException("cannot delete the previous version of the date");
      }
      if (!fs.rename(new Path(staging), to)) {
        throw new IOException("cannot move " + staging + " into place");
      }
    } catch (IOException e) {
      removeQuietly(staging, conf);
      throw new UncheckedIOException(failure(name, target, e), e);
    }
  }

  /**
   * Writes a file beside the reports folder ({@code summary.html}) all at once: to a hidden
   * temporary name in the same folder, then renamed over the previous version, so that neither a
   * reader nor a run killed half-way ever leaves a partial file under the final name. On a local or
   * mounted file system (a plain path or a {@code file:} URI) the rename is atomic ({@code
   * ATOMIC_MOVE}, which replaces the old file in one step); on HDFS or S3 the previous version is
   * deleted and the temporary file renamed, so a reader may briefly find no file, never a
   * half-written one. Temporary files left by killed runs are removed first.
   *
   * @return where the file is
   */
  public static String writeBeside(
      Configuration conf, String reportsRoot, String fileName, String content) throws IOException {
    boolean local = reportsRoot.startsWith("file:") || !reportsRoot.contains("://");
    if (local) {
      java.nio.file.Path root =
          reportsRoot.startsWith("file:")
              ? java.nio.file.Path.of(URI.create(reportsRoot))
              : java.nio.file.Path.of(reportsRoot);
      return writeInto(
          conf, root.toAbsolutePath().normalize().getParent().toString(), fileName, content);
    }
    return writeInto(conf, new Path(reportsRoot).getParent().toString(), fileName, content);
  }

  /**
   * Writes a file into a folder (created if needed) all at once, as {@link #writeBeside} does: a
   * hidden temporary file renamed over the previous version.
   *
   * @return where the file is
   */
  public static String writeInto(
      Configuration conf, String folderPath, String fileName, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String tmpName =
        "." + fileName + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp";
    boolean local = folderPath.startsWith("file:") || !folderPath.contains("://");
    if (local) {
      java.nio.file.Path root =
          folderPath.startsWith("file:")
              ? java.nio.file.Path.of(URI.create(folderPath))
              : java.nio.file.Path.of(folderPath);
      java.nio.file.Path target = root.toAbsolutePath().normalize().resolve(fileName);
      java.nio.file.Path folder = target.getParent();
      Files.createDirectories(folder);
      try (var stale = Files.newDirectoryStream(folder, "." + fileName + ".*.tmp")) {
        for (java.nio.file.Path old : stale) {
          Files.deleteIfExists(old);
        }
      }
      java.nio.file.Path tmp = folder.resolve(tmpName);
      try {
        Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return target.toString();
    }
    Path target = new Path(new Path(folderPath), fileName);
    Path tmp = new Path(target.getParent(), tmpName);
    FileSystem fs = target.getFileSystem(conf);
    try {
      try (var out = fs.create(tmp, true)) {
        out.write(bytes);
      }
      if (fs.exists(target) && !fs.delete(target, false)) {
        throw new IOException("cannot delete the previous " + target);
      }
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot move " + tmp + " into place");
      }
    } finally {
      if (fs.exists(tmp)) {
        fs.delete(tmp, false);
      }
    }
    return target.toString();
  }

  /**
   * "report customer_risk: cannot write /r/customer_risk/report_date=...: No space left on device".
   */
  static String failure(String name, String target, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    cause = cause.lines().findFirst().orElse("").strip();
    if (cause.length() > 200) {
      cause = cause.substring(0, 200) + "...";
    }
    return "report "
        + name
        + ": cannot write "
        + target
        + ": "
        + root.getClass().getSimpleName()
        + ": "
        + cause;
  }

  private static void removeQuietly(String staging, Configuration conf) {
    try {
      Path p = new Path(staging);
      p.getFileSystem(conf).delete(p, true);
    } catch (IOException | RuntimeException ignored) {
      // The staging folder is hidden from readers and replaced by the next run.
    }
  }

  /** The rows of one date of a report, or null when that report or date does not exist. */
  public static Dataset<Row> readIfPresent(
      SparkSession spark, String reportsRoot, String name, LocalDate date) {
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
