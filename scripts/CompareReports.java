// Compares the analyst reports of one date under two reports folders (run_summary left out: it
// carries run ids and timings). Prints counts only, never values. Exit 0 equal, 1 different.
//   java <Spark opens> -cp <classpath> scripts/CompareReports.java REPORTS_A REPORTS_B YYYY-MM-DD
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

public class CompareReports {
  public static void main(String[] args) {
    File a = new File(args[0]);
    File b = new File(args[1]);
    String date = args[2];
    SparkSession spark = SparkSession.builder().master("local[1]").appName("compare-reports")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    TreeSet<String> names = new TreeSet<>(reports(a));
    names.addAll(reports(b));
    boolean equal = !names.isEmpty();
    for (String name : names) {
      List<String> ra = rows(spark, new File(a, name + "/report_date=" + date));
      List<String> rb = rows(spark, new File(b, name + "/report_date=" + date));
      boolean same = ra != null && ra.equals(rb);
      System.out.printf("compare: %s rows_a=%s rows_b=%s %s%n", name,
          ra == null ? "absent" : ra.size(), rb == null ? "absent" : rb.size(), same ? "equal" : "DIFFERENT");
      equal &= same;
    }
    spark.stop();
    System.out.println(equal ? "compare: reports equal" : "compare: reports differ");
    System.exit(equal ? 0 : 1);
  }

  static List<String> reports(File root) {
    String[] names = root.list((dir, n) -> new File(dir, n).isDirectory() && !n.startsWith("_") && !n.startsWith(".") && !n.equals("run_summary"));
    return names == null ? List.of() : Arrays.asList(names);
  }

  static List<String> rows(SparkSession spark, File partition) {
    if (!partition.isDirectory()) {
      return null;
    }
    var frame = spark.read().parquet(partition.getPath());
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
