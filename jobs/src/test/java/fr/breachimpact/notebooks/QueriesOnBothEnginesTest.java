package fr.breachimpact.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.breachimpact.spark.TestSpark;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query file runs unchanged on DuckDB and on Spark SQL over a small fixture of every report
 * (two report dates), returns rows with the columns its header declares, and both engines return
 * the same rows in the same order.
 */
class QueriesOnBothEnginesTest {
  @TempDir static Path dir;
  private static final ReportContracts CONTRACTS = ReportContracts.fromRepository();
  private static DuckDbEngine duckDb;
  private static SparkSqlEngine spark;
  private static final Map<String, ResultTable> DUCKDB_RESULTS = new HashMap<>();

  @BeforeAll
  static void writeReportsAndRegisterViews() throws Exception {
    String root = ReportFixture.write(TestSpark.session(), CONTRACTS, dir.resolve("reports"), true);
    duckDb = new DuckDbEngine();
    duckDb.registerReports(root, CONTRACTS);
    spark = new SparkSqlEngine(TestSpark.session());
    spark.registerReports(root, CONTRACTS);
  }

  @AfterAll
  static void close() throws Exception {
    duckDb.close();
  }

  static List<QueryFile> queries() {
    return QueryFile.loadAll(QueryFile.directory());
  }

  private static ResultTable onDuckDb(QueryFile q) throws Exception {
    ResultTable result = DUCKDB_RESULTS.get(q.name());
    if (result == null) {
      result = duckDb.run(q.sql());
      DUCKDB_RESULTS.put(q.name(), result);
    }
    return result;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void duckDbReturnsRowsWithTheDeclaredColumns(QueryFile q) throws Exception {
    ResultTable result = onDuckDb(q);
    assertEquals(q.returns(), result.columns(), q.name() + ": columns");
    assertFalse(result.rows().isEmpty(), q.name() + " returns no row on the fixture");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void sparkSqlReturnsTheSameRowsInTheSameOrderAsDuckDb(QueryFile q) throws Exception {
    ResultTable bySpark = spark.run(q.sql());
    assertEquals(q.returns(), bySpark.columns(), q.name() + ": columns on Spark");
    assertNull(onDuckDb(q).firstDifference(bySpark), q.name() + ": DuckDB against Spark");
  }

  @Test
  void queriesReadTheLatestReportDateOnly() throws Exception {
    Path latestOnly = dir.resolve("latest-only");
    for (ReportContracts.Contract report : CONTRACTS.all()) {
      copyTree(
          dir.resolve("reports")
              .resolve(report.name())
              .resolve("report_date=" + ReportFixture.LATEST),
          latestOnly.resolve(report.name()).resolve("report_date=" + ReportFixture.LATEST));
    }
    try (DuckDbEngine single = new DuckDbEngine()) {
      single.registerReports(latestOnly.toString(), CONTRACTS);
      for (QueryFile q : queries()) {
        if (!q.name().equals("report_dates")) {
          assertNull(
              onDuckDb(q).firstDifference(single.run(q.sql())),
              q.name() + ": the older report date changes the answer");
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    java.nio.file.Files.createDirectories(to.getParent());
    try (var paths = java.nio.file.Files.walk(from)) {
      for (Path p : paths.toList()) {
        java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  @Test
  void reportDatesListsEveryDateAndMarksTheLatest() throws Exception {
    QueryFile q = QueryFile.load(QueryFile.directory().resolve("report_dates.sql"));
    ResultTable result = onDuckDb(q);
    assertEquals(12, result.rows().size(), "six reports, two dates each");
    for (List<Object> row : result.rows()) {
      assertEquals(
          row.get(1).equals(ReportFixture.LATEST.toString()),
          row.get(3),
          "is_latest of " + row.get(0));
    }
  }
}
