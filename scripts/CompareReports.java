// Compares the analyst reports of one date under two reports folders (run_summary left out: it
// carries run ids and timings). Prints counts only, never values. Exit 0 equal, 1 different.
// A folder is a local path or a URI Hadoop reads (hdfs://127.0.0.1:<port>/..., file:/...).
//   java <Spark opens> -cp <classpath> scripts/CompareReports.java REPORTS_A REPORTS_B YYYY-MM-DD
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

public class CompareReports {
  public static void main(String[] args) throws IOException {
    String a = args[0];
    String b = args[1];
    String date = args[2];
    SparkSession spark = SparkSession.builder().master("local[1]").appName("compare-reports")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    TreeSet<String> names = new TreeSet<>(reports(spark, a));
    names.addAll(reports(spark, b));
    boolean equal = !names.isEmpty();
    for (String name : names) {
      List<String> ra = rows(spark, a + "/" + name + "/report_date=" + date);
      List<String> rb = rows(spark, b + "/" + name + "/report_date=" + date);
      boolean same = ra != null && ra.equals(rb);
      System.out.printf("compare: %s rows_a=%s rows_b=%s %s%n", name,
          ra == null ? "absent" : ra.size(), rb == null ? "absent" : rb.size(), same ? "equal" : "DIFFERENT");
      equal &= same;
    }
    spark.stop();
    System.out.println(equal ? "compare: reports equal" : "compare: reports differ");
    System.exit(equal ? 0 : 1);
  }

  static List<String> reports(SparkSession spark, String root) throws IOException {
    Path path = new Path(root);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.isDirectory(path)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (FileStatus s : fs.listStatus(path)) {
      String n = s.getPath().getName();
      if (s.isDirectory() && !n.startsWith("_") && !n.startsWith(".") && !n.equals("run_summary")) {
        names.add(n);
      }
    }
    return names;
  }

  static List<String> rows(SparkSession spark, String partition) throws IOException {
    Path path = new Path(partition);
    if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).isDirectory(path)) {
      return null;
    }
    var frame = spark.read().parquet(partition);
    String[] columns = frame.columns().clone();
    Arrays.sort(columns);
    List<String> rows = new ArrayList<>();
    for (Row r : frame.selectExpr(columns).collectAsList()) {
      rows.add(r.toString());
    }
    rows.sort(null);
    return rows;
  }
}
