package fr.breachimpact.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query files keep to the rules that make them portable and checkable: a header naming the
 * report columns they read (all in the contracts of schemas/) and the columns they return; no word
 * in the SQL but keywords and functions both engines share, the reports, declared columns and the
 * query's own aliases; the latest report date of every report read; a fully ordered result.
 */
class QueryFilesTest {
  private static final ReportContracts CONTRACTS = ReportContracts.fromRepository();

  /** SQL words and functions that DuckDB and Spark SQL both accept with the same meaning. */
  static final Set<String> PORTABLE_SQL =
      Set.of(
          "SELECT",
          "DISTINCT",
          "FROM",
          "WHERE",
          "AND",
          "OR",
          "NOT",
          "IN",
          "IS",
          "NULL",
          "AS",
          "WITH",
          "JOIN",
          "LEFT",
          "INNER",
          "ON",
          "GROUP",
          "BY",
          "HAVING",
          "ORDER",
          "ASC",
          "DESC",
          "NULLS",
          "FIRST",
          "LAST",
          "CASE",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "UNION",
          "ALL",
          "OVER",
          "PARTITION",
          "CAST",
          "BIGINT",
          "DOUBLE",
          "TRUE",
          "FALSE",
          "BETWEEN",
          "COUNT",
          "SUM",
          "MIN",
          "MAX",
          "AVG",
          "ROUND",
          "COALESCE",
          "ROW_NUMBER",
          "ARRAY_CONTAINS",
          "ABS");

  static List<QueryFile> queries() {
    return QueryFile.loadAll(QueryFile.directory());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void headerSaysWhatTheQueryAnswersReadsAndReturns(QueryFile q) {
    assertTrue(
        q.text().startsWith("-- "), q.name() + " starts with a comment saying what it answers");
    assertFalse(q.uses().isEmpty(), q.name() + ": no '-- uses <report>: columns' line");
    assertFalse(q.returns().isEmpty(), q.name() + ": no '-- returns: columns' line");
    assertEquals(
        q.returns().size(),
        new TreeSet<>(q.returns()).size(),
        q.name() + ": a returned column twice");
    assertFalse(
        q.sql().endsWith(";"), q.name() + " ends with a semicolon (Spark's sql() refuses it)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void everyColumnReadIsInTheContractOfItsReport(QueryFile q) {
    List<String> unknown = new ArrayList<>();
    q.uses()
        .forEach(
            (report, columns) -> {
              assertTrue(
                  CONTRACTS.isReport(report),
                  q.name() + " reads " + report + ", which has no contract in schemas/");
              columns.stream()
                  .filter(c -> !CONTRACTS.get(report).has(c))
                  .forEach(c -> unknown.add(report + "." + c));
            });
    assertEquals(List.of(), unknown, q.name() + ": columns that schemas/ does not have");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void everyWordIsPortableSqlAReportADeclaredColumnOrAnAlias(QueryFile q) {
    Set<String> known = new TreeSet<>(q.uses().keySet());
    q.uses().values().forEach(known::addAll);
    known.addAll(q.definedNames());
    List<String> unknown =
        q.identifiers().stream()
            .filter(w -> !known.contains(w) && !PORTABLE_SQL.contains(w.toUpperCase(Locale.ROOT)))
            .toList();
    assertEquals(
        List.of(),
        unknown,
        q.name()
            + ": words neither portable SQL, a report, a column of its '-- uses' lines nor an alias");
    for (var use : q.uses().entrySet()) {
      for (String column : use.getValue()) {
        assertTrue(
            q.identifiers().contains(column),
            q.name() + " declares " + use.getKey() + "." + column + " but does not use it");
      }
      assertTrue(
          q.identifiers().contains(use.getKey()),
          q.name() + " declares " + use.getKey() + " but does not read it");
    }
    for (String word : q.identifiers()) {
      assertFalse(
          CONTRACTS.isReport(word) && !q.uses().containsKey(word),
          q.name() + " reads " + word + " without a '-- uses' line");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void everyReportReadIsFilteredOnItsLatestReportDate(QueryFile q) {
    if (q.name().equals("report_dates")) {
      return; // lists every date on purpose
    }
    String code = q.code().replaceAll("\\s+", " ");
    for (String report : q.uses().keySet()) {
      assertTrue(
          code.contains("(SELECT MAX(report_date) FROM " + report + ")"),
          q.name()
              + ": "
              + report
              + " is not filtered on report_date = (SELECT MAX(report_date) FROM "
              + report
              + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void theResultIsOrdered(QueryFile q) {
    assertTrue(
        q.ordersItsResult(),
        q.name() + " has no top-level ORDER BY: the engines would return rows in different orders");
  }
}
