package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No hidden cell comes back from the shown ones: every relation where shown figures add up (a total
 * and its parts) is tried, the total minus the shown parts, and must leave either nothing hidden or
 * a sum of hidden cells of zero or at least k; a figure derived from a hidden count (a share times
 * its known base) must be hidden with it; the factor texts of a suppressed row must not print its
 * counts. The true values come from the same reports built with k = 1.
 */
class ComplementarySuppressionTest {

  /**
   * A relation: the total's cell and its parts' cells, each with its shown value (null: hidden).
   */
  private record Relation(
      String name, Long total, Long trueTotal, List<Long> parts, List<Long> trueParts) {}

  /** Both reports of each k, built once: [exposure, severity]. */
  private static final Map<Integer, List<List<Row>>> BUILT = new HashMap<>();

  private static synchronized List<Row> rows(int k, boolean severity) {
    List<List<Row>> built =
        BUILT.computeIfAbsent(
            k,
            x -> {
              ImpactReports r = ReportFixtures.reports(k);
              try {
                return List.of(
                    r.exposureByIncidentCategory().collectAsList(),
                    r.incidentSeverity().collectAsList());
              } finally {
                r.release();
              }
            });
    return built.get(severity ? 1 : 0);
  }

  private static String key(Row r) {
    return r.getAs("incident_id")
        + "|"
        + r.getAs("category")
        + "|"
        + r.getAs("customer_scope")
        + "|"
        + r.getAs("customer_group")
        + "|"
        + r.getAs("customer_brand");
  }

  /** The differences an analyst can take in one relation, and what they give back. */
  private static List<String> recovered(Relation rel, int k) {
    List<String> problems = new ArrayList<>();
    if (rel.total() == null) {
      return problems; // an unknown total: no difference gives a part back
    }
    long shownSum = 0;
    long hiddenTrue = 0;
    int hidden = 0;
    for (int i = 0; i < rel.parts().size(); i++) {
      if (rel.parts().get(i) == null) {
        hidden++;
        hiddenTrue += rel.trueParts().get(i);
      } else {
        shownSum += rel.parts().get(i);
      }
    }
    long difference = rel.total() - shownSum;
    if (hidden == 1 && difference == hiddenTrue) {
      problems.add(
          rel.name() + ": the total minus the shown parts gives the hidden part " + hiddenTrue);
    }
    if (hidden > 1 && hiddenTrue > 0 && hiddenTrue < k) {
      problems.add(rel.name() + ": the hidden parts sum to " + hiddenTrue + ", below k");
    }
    return problems;
  }

  private static Long count(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : ((Number) v).longValue();
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {2, 3, 4})
  void noDifferenceOrSumOfExposureCellsGivesAHiddenCellBack(int k) {
    Map<String, Row> truth = new HashMap<>();
    rows(1, false).forEach(r -> truth.put(key(r), r));
    List<Row> shown = rows(k, false);
    List<String> problems = new ArrayList<>();
    int hiddenCells = 0;
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row r : shown) {
      Row t = truth.get(key(r));
      List<Long> parts = new ArrayList<>();
      List<Long> trueParts = new ArrayList<>();
      for (String status : List.of("persons_verified", "persons_claimed", "persons_detected")) {
        parts.add(count(r, status));
        trueParts.add(count(t, status));
        hiddenCells += count(r, status) == null && count(t, status) > 0 ? 1 : 0;
      }
      problems.addAll(
          recovered(
              new Relation(
                  key(r) + " statuses", count(r, "persons"), count(t, "persons"), parts, trueParts),
              k));
      // A derived figure shown beside its hidden count gives it back by a product.
      if (count(r, "matched_customers") == null && r.getAs("share_of_customer_base") != null) {
        problems.add(key(r) + ": share_of_customer_base shown beside a hidden matched_customers");
      }
      if (count(r, "matched_persons") == null && r.getAs("sample_share") != null) {
        problems.add(key(r) + ": sample_share shown beside a hidden matched_persons");
      }
      if (r.getAs("customer_group") != null) {
        groups
            .computeIfAbsent(
                r.getAs("incident_id")
                    + "|"
                    + r.getAs("category")
                    + "|"
                    + r.getAs("customer_group"),
                x -> new ArrayList<>())
            .add(r);
      }
    }
    for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
      for (String column : List.of("matched_customers", "matched_persons")) {
        Long total = null;
        Long trueTotal = null;
        List<Long> parts = new ArrayList<>();
        List<Long> trueParts = new ArrayList<>();
        for (Row r : g.getValue()) {
          Row t = truth.get(key(r));
          if ("group".equals(r.getAs("customer_scope"))) {
            total = count(r, column);
            trueTotal = count(t, column);
          } else {
            parts.add(count(r, column));
            trueParts.add(count(t, column));
            hiddenCells += count(r, column) == null && count(t, column) > 0 ? 1 : 0;
          }
        }
        problems.addAll(
            recovered(
                new Relation(
                    g.getKey() + " " + column + " brands vs group",
                    total,
                    trueTotal,
                    parts,
                    trueParts),
                k));
      }
    }
    assertTrue(hiddenCells > 0, "the fixture hides cells at k = " + k);
    assertEquals(List.of(), problems);
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {4, 5})
  void theFactorsOfASuppressedIncidentPrintNoneOfItsCounts(int k) {
    Map<String, Row> truth = new HashMap<>();
    rows(1, true).forEach(r -> truth.put(r.getAs("incident_id"), r));
    int suppressed = 0;
    for (Row r : rows(k, true)) {
      if (!(boolean) r.getAs("suppressed")) {
        continue;
      }
      suppressed++;
      Row t = truth.get(r.getAs("incident_id"));
      for (String text : List.of(r.<String>getAs("ei_factors"), r.<String>getAs("explanation"))) {
        for (String column : List.of("records", "persons")) {
          long hidden = count(t, column);
          assertFalse(
              Pattern.compile("(?<![\\d.])(?<!than )" + hidden + " (of|records)")
                  .matcher(text)
                  .find(),
              r.getAs("incident_id") + ": " + column + " " + hidden + " in: " + text);
        }
      }
    }
    assertTrue(suppressed > 0, "the fixture suppresses an incident at k = " + k);
  }

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {10, 100})
  void theHtmlTotalsMinusTheShownBarsGiveNoHiddenBarBack(int k) {
    // 2,400 persons: 1,000 low, 1,100 high, 300 very high and few medium; to notify: 700 and 5.
    SummaryData d =
        new SummaryData(
            List.of(),
            2405,
            Map.of("CONTACT", 2000L),
            Map.of("low", 1000L, "medium", 5L, "high", 1100L, "very high", 300L),
            new TreeMap<>(
                Map.of("Auchan", new long[] {900, 700}, "Leroy Merlin", new long[] {400, 5})),
            List.of());
    String html = SummaryHtml.render(d, LocalDate.of(2025, 12, 1), k);
    Matcher header =
        Pattern.compile("(\\S+) distinct persons exposed; (\\S+) customers to notify")
            .matcher(html);
    assertTrue(header.find(), "the header's totals");
    List<String> problems = new ArrayList<>();
    problems.addAll(
        recovered(
            relation(
                "levels",
                header.group(1),
                barLabels(html, "chart-risk", null),
                List.of(1000L, 5L, 1100L, 300L)),
            k));
    problems.addAll(
        recovered(
            relation(
                "to notify",
                header.group(2),
                barLabels(html, "chart-notify", " to notify"),
                List.of(700L, 5L)),
            k));
    assertEquals(List.of(), problems);
  }

  private static Relation relation(
      String name, String total, List<String> labels, List<Long> truth) {
    List<Long> parts = new ArrayList<>();
    labels.forEach(
        l -> parts.add(l.matches("[\\d,]+") ? Long.parseLong(l.replace(",", "")) : null));
    Long t = total.matches("[\\d,]+") ? Long.parseLong(total.replace(",", "")) : null;
    return new Relation(name, t, truth.stream().mapToLong(Long::longValue).sum(), parts, truth);
  }

  /** The value label after each bar of a chart, in order; only the bars whose label ends so. */
  private static List<String> barLabels(String html, String chart, String suffix) {
    Matcher svg =
        Pattern.compile("<svg id=\"" + chart + "\"(.*?)</svg>", Pattern.DOTALL).matcher(html);
    assertTrue(svg.find(), chart);
    List<String> labels = new ArrayList<>();
    Matcher row =
        Pattern.compile(
                "text-anchor=\"end\">([^<]*)</text>(?:<rect[^>]*/>)?<text[^>]*>([^<]*)</text>")
            .matcher(svg.group(1));
    while (row.find()) {
      if (suffix == null || row.group(1).endsWith(suffix)) {
        labels.add(row.group(2).replace("&lt;", "<"));
      }
    }
    assertFalse(labels.isEmpty(), chart + " has labelled bars");
    return labels;
  }
}
