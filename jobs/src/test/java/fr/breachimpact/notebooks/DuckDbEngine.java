package fr.breachimpact.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB in memory, as in the notebooks: {@code CREATE VIEW <report> AS SELECT * FROM
 * read_parquet(...)}.
 */
final class DuckDbEngine implements SqlEngine, AutoCloseable {
  private final Connection connection;

  DuckDbEngine() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  /** The statement the notebooks run for each report (same text as their setup cell). */
  static String viewStatement(ReportContracts.Contract report, String reportsRoot) {
    return "CREATE OR REPLACE VIEW "
        + report.name()
        + " AS SELECT * FROM read_parquet('"
        + report.duckDbGlob(reportsRoot).replace("'", "''")
        + "', hive_partitioning = true)";
  }

  @Override
  public void registerReports(String reportsRoot, ReportContracts contracts) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (ReportContracts.Contract report : contracts.all()) {
        if (Files.isDirectory(Path.of(reportsRoot, report.name()))) {
          st.execute(viewStatement(report, reportsRoot));
        }
      }
    }
  }

  @Override
  public ResultTable run(String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        columns.add(meta.getColumnLabel(c));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= columns.size(); c++) {
          row.add(ResultTable.neutral(rs.getObject(c)));
        }
        rows.add(row);
      }
      return new ResultTable(columns, rows);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
