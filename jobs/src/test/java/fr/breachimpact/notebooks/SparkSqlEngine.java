package fr.breachimpact.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Spark SQL: one temporary view per report folder, partitions discovered from the folder names. */
final class SparkSqlEngine implements SqlEngine {
  private final SparkSession spark;

  SparkSqlEngine(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public void registerReports(String reportsRoot, ReportContracts contracts) {
    for (ReportContracts.Contract report : contracts.all()) {
      if (Files.isDirectory(Path.of(reportsRoot, report.name()))) {
        spark
            .read()
            .parquet(reportsRoot + "/" + report.name())
            .createOrReplaceTempView(report.name());
      }
    }
  }

  @Override
  public ResultTable run(String sql) throws Exception {
    Dataset<Row> result = spark.sql(sql);
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : result.collectAsList()) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < r.size(); c++) {
        row.add(ResultTable.neutral(r.get(c)));
      }
      rows.add(row);
    }
    return new ResultTable(Arrays.asList(result.columns()), rows);
  }
}
