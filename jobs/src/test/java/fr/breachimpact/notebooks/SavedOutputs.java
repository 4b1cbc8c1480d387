package fr.breachimpact.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.spark.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Not a test: computes the saved outputs of the notebooks from a reports root (the demo's) with
 * DuckDB, as the notebooks do, one JSON file per query (columns, DuckDB types, rows), and with
 * {@code --compare-spark} checks that Spark SQL returns the same rows. Prints names and counts
 * only.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) fr.breachimpact.notebooks.SavedOutputs REPORTS OUT [--compare-spark]
 * </pre>
 */
public final class SavedOutputs {
  private SavedOutputs() {}

  public static void main(String[] args) throws Exception {
    String root = Path.of(args[0]).toAbsolutePath().toString();
    Path out = Files.createDirectories(Path.of(args[1]));
    boolean compare = args.length > 2 && args[2].equals("--compare-spark");
    ReportContracts contracts = ReportContracts.fromRepository();
    ObjectMapper mapper = new ObjectMapper();
    DateTimeFormatter timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");
    SparkSqlEngine spark = null;
    if (compare) {
      spark = new SparkSqlEngine(TestSpark.session());
      spark.registerReports(root, contracts);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        DuckDbEngine duckDb = new DuckDbEngine()) {
      duckDb.registerReports(root, contracts);
      try (Statement st = c.createStatement()) {
        for (ReportContracts.Contract report : contracts.all()) {
          if (Files.isDirectory(Path.of(root, report.name()))) {
            st.execute(DuckDbEngine.viewStatement(report, root));
          }
        }
        for (QueryFile q : QueryFile.loadAll(QueryFile.directory())) {
          ObjectNode json = mapper.createObjectNode();
          ArrayNode columns = json.putArray("columns");
          ArrayNode types = json.putArray("types");
          ArrayNode rows = json.putArray("rows");
          try (ResultSet rs = st.executeQuery(q.sql())) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              columns.add(meta.getColumnLabel(i));
              types.add(meta.getColumnTypeName(i));
            }
            while (rs.next()) {
              ArrayNode row = rows.addArray();
              for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                if (v == null) {
                  row.addNull();
                } else if (v instanceof Boolean b) {
                  row.add(b);
                } else if (v instanceof Double
                    || v instanceof Float
                    || v instanceof java.math.BigDecimal) {
                  row.add(((Number) v).doubleValue());
                } else if (v instanceof Number n) {
                  row.add(n.longValue());
                } else if (v instanceof OffsetDateTime t) {
                  row.add(t.withOffsetSameInstant(ZoneOffset.UTC).format(timestamp));
                } else {
                  row.add(v.toString());
                }
              }
            }
          }
          mapper
              .writerWithDefaultPrettyPrinter()
              .writeValue(out.resolve(q.name() + ".json").toFile(), json);
          String agreement = "";
          if (spark != null) {
            String diff = duckDb.run(q.sql()).firstDifference(spark.run(q.sql()));
            agreement = diff == null ? ", Spark SQL agrees" : ", Spark SQL differs: " + diff;
          }
          System.out.println(q.name() + ": " + rows.size() + " rows" + agreement);
        }
      }
    }
  }
}
