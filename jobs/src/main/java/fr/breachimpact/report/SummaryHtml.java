package fr.breachimpact.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The DPO's one-page summary: a self-contained HTML file (inline CSS and SVG drawn here; no script,
 * font or network) with the severity table, persons per category, the incident overlap heatmap, the
 * risk-level distribution and the notifications per brand. Counts below k show as {@code <k}.
 */
public final class SummaryHtml {
  private static final int WIDTH = 860;
  private static final int LABEL = 230;
  private static final int ROW = 28;
  private static final Map<String, String> LEVEL_COLOURS =
      Map.of("low", "#43a047", "medium", "#fbc02d", "high", "#ef6c00", "very high", "#b71c1c");
  private static final List<String> LEVELS = List.of("low", "medium", "high", "very high");

  private SummaryHtml() {}

  /**
   * A bar of a chart.
   *
   * @param hidden hidden by complementary suppression although not small itself
   */
  record Bar(String label, long value, String colour, boolean hidden) {
    Bar(String label, long value, String colour) {
      this(label, value, colour, false);
    }
  }

  public static String render(SummaryData d, LocalDate runDate, int k) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>breach-impact summary ")
        .append(runDate)
        .append("</title><style>")
        .append(
            "body{font-family:DejaVu Sans,Arial,sans-serif;margin:24px;color:#222;max-width:1200px}")
        .append("h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}")
        .append(
            "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
        .append(
            "td:first-child,th:first-child,td.t{text-align:left}.lvl{color:#fff;font-weight:bold;padding:1px 6px;border-radius:3px}")
        .append(".note{color:#666;font-size:12px}svg text{font-size:12px}")
        .append("</style></head><body>\n");
    h.append("<h1>Breach impact summary, ").append(runDate).append("</h1>\n");
    changes(h, d, k);
    // The totals of the header are the sums of the level bars and of the to-notify bars: a
    // hidden bar must not come back as the total minus the shown bars.
    List<Long> levelCounts = new ArrayList<>();
    LEVELS.forEach(l -> levelCounts.add(d.personsByLevel().getOrDefault(l, 0L)));
    Suppression.Hidden byLevel = Suppression.complement(levelCounts, d.personsExposed(), k);
    List<Long> notifyCounts = new ArrayList<>();
    d.customersByBrand().values().forEach(v -> notifyCounts.add(v[1]));
    long toNotify = notifyCounts.stream().mapToLong(Long::longValue).sum();
    Suppression.Hidden byBrand = Suppression.complement(notifyCounts, toNotify, k);
    h.append("<p>")
        .append(d.incidents().size())
        .append(" incidents; ")
        .append(byLevel.total() ? "suppressed" : count(d.personsExposed(), k))
        .append(" distinct persons exposed; ")
        .append(byBrand.total() ? "suppressed" : count(toNotify, k))
        .append(" customers to notify.</p>\n");
    severityTable(h, d, runDate);
    h.append("<h2>Persons exposed per data category</h2>\n");
    List<Bar> cats = new ArrayList<>();
    d.personsByCategory().entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> cats.add(new Bar(e.getKey(), e.getValue(), "#1565c0")));
    h.append(barChart("chart-exposure", cats, k));
    h.append("<h2>Incident overlap (persons in both, colour = Jaccard index)</h2>\n");
    h.append(heatmap(d, k));
    groupTable(h, d, k);
    h.append("<h2>Risk level of exposed persons</h2>\n");
    List<Bar> levels = new ArrayList<>();
    for (int i = 0; i < LEVELS.size(); i++) {
      levels.add(
          new Bar(
              LEVELS.get(i),
              levelCounts.get(i),
              LEVEL_COLOURS.get(LEVELS.get(i)),
              byLevel.part(i)));
    }
    h.append(barChart("chart-risk", levels, k));
    h.append("<h2>Customers to notify per brand (art. 34)</h2>\n");
    List<Bar> brands = new ArrayList<>();
    int brandIndex = 0;
    for (Map.Entry<String, long[]> e : d.customersByBrand().entrySet()) {
      brands.add(
          new Bar(
              e.getKey() + " to notify", e.getValue()[1], "#b71c1c", byBrand.part(brandIndex++)));
    }
    d.customersByBrand().forEach((b, v) -> brands.add(new Bar(b + " exposed", v[0], "#90a4ae")));
    h.append(barChart("chart-notify", brands, k));
    h.append("<p class=\"note\">Counts below ")
        .append(k)
        .append(" are suppressed. Persons and customers are counted once across incidents. ")
        .append(
            "Scores: ENISA 2013, SE = DPC x EI + CB; see the incident_severity report for the factors.</p>\n");
    h.append("</body></html>\n");
    return h.toString();
  }

  /**
   * What changed since the previous report date, first: what the risk team reads each morning. Each
   * figure is the sum of its exposure_changes rows; it is suppressed when the rows hidden there
   * would come back as this sum minus the shown ones.
   */
  private static void changes(StringBuilder h, SummaryData d, int k) {
    if (d.changes().isEmpty() && d.changesSince() == null) {
      return; // no comparison made (a summary without the changes)
    }
    h.append("<h2>Changes since ")
        .append(d.changesSince() == null ? "the first report" : d.changesSince())
        .append("</h2>\n<table id=\"changes\"><tr><th>change</th><th>count</th></tr>\n");
    for (String change : ExposureChanges.CHANGES) {
      List<Long> parts = d.changes().getOrDefault(change, List.of());
      long total = parts.stream().mapToLong(Long::longValue).sum();
      Suppression.Hidden hidden = Suppression.complement(parts, total, k);
      h.append("<tr><td>")
          .append(change.replace('_', ' '))
          .append("</td><td>")
          .append(hidden.total() && !Suppression.isSmall(total, k) ? "suppressed" : count(total, k))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void severityTable(StringBuilder h, SummaryData d, LocalDate runDate) {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    h.append(
            "<h2>Incident severity</h2>\n<table id=\"severity\"><tr><th>incident</th><th>organisation</th>")
        .append(
            "<th>DPC</th><th>DPC set by</th><th>EI</th><th>CB</th><th>SE</th><th>level</th><th>persons</th>")
        .append("<th>art. 33 deadline</th><th>passed on ")
        .append(runDate)
        .append("</th><th>art. 34</th></tr>\n");
    for (SummaryData.IncidentLine l : d.incidents()) {
      h.append("<tr><td>")
          .append(esc(l.incidentId()))
          .append("</td><td class=\"t\">")
          .append(esc(l.organisation()))
          .append("</td><td>")
          .append(l.dpc())
          .append("</td><td class=\"t\">")
          .append(driver(l))
          .append("</td><td>")
          .append(l.ei())
          .append("</td><td>")
          .append(l.cb())
          .append("</td><td>")
          .append(l.se())
          .append("</td><td><span class=\"lvl\" style=\"background:")
          .append(LEVEL_COLOURS.getOrDefault(l.level(), "#777"))
          .append("\">")
          .append(esc(l.level()))
          .append("</span></td><td>")
          .append(
              l.persons() == null ? "suppressed" : String.format(Locale.ROOT, "%,d", l.persons()))
          .append("</td><td>")
          .append(l.art33Deadline() == null ? "unknown" : f.format(l.art33Deadline().toInstant()))
          .append("</td><td>")
          .append(l.art33Passed() == null ? "" : l.art33Passed() ? "yes" : "no")
          .append("</td><td>")
          .append(l.art34Required() ? "notify persons" : "no")
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** The category behind DPC, and the records it was detected in when detection alone found it. */
  private static String driver(SummaryData.IncidentLine l) {
    if (l.dpcCategory() == null) {
      return "";
    }
    String s = esc(l.dpcCategory());
    return l.dpcDetectedRecords() == null
        ? s
        : s
            + " (detected in "
            + String.format(Locale.ROOT, "%,d", l.dpcDetectedRecords())
            + " records)";
  }

  /** Horizontal bars; a suppressed value gets no bar, only its {@code <k} label. */
  static String barChart(String id, List<Bar> bars, int k) {
    // The scale from the shown bars only: a hidden maximum would come back from the widths.
    long maxValue =
        Math.max(
            1,
            bars.stream()
                .filter(b -> !b.hidden() && !Suppression.isSmall(b.value(), k))
                .mapToLong(Bar::value)
                .max()
                .orElse(1));
    int plot = WIDTH - LABEL - 90;
    int height = Math.max(1, bars.size()) * ROW + 10;
    StringBuilder s = new StringBuilder();
    s.append("<svg id=\"")
        .append(id)
        .append("\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\">\n");
    if (bars.isEmpty()) {
      s.append("<text x=\"10\" y=\"20\">no data</text>\n");
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = 5 + i * ROW;
      boolean hidden = b.hidden() || Suppression.isSmall(b.value(), k);
      long w = hidden ? 0 : Math.round((double) b.value() / maxValue * plot);
      if (b.value() > 0 && !hidden) {
        w = Math.max(w, 2);
      }
      s.append("<text x=\"")
          .append(LABEL - 8)
          .append("\" y=\"")
          .append(y + 18)
          .append("\" text-anchor=\"end\">")
          .append(esc(b.label()))
          .append("</text>");
      if (w > 0) {
        s.append("<rect class=\"bar\" x=\"")
            .append(LABEL)
            .append("\" y=\"")
            .append(y + 4)
            .append("\" width=\"")
            .append(w)
            .append("\" height=\"")
            .append(ROW - 8)
            .append("\" fill=\"")
            .append(b.colour())
            .append("\"/>");
      }
      s.append("<text x=\"")
          .append(LABEL + w + 6)
          .append("\" y=\"")
          .append(y + 18)
          .append("\">")
          .append(hidden && !Suppression.isSmall(b.value(), k) ? "suppressed" : count(b.value(), k))
          .append("</text>\n");
    }
    return s.append("</svg>\n").toString();
  }

  private static void groupTable(StringBuilder h, SummaryData d, int k) {
    if (d.groups().isEmpty()) {
      return;
    }
    h.append(
            "<table id=\"groups\"><tr><th>group</th><th>persons exposed (once)</th><th>in 2+ incidents</th>")
        .append("<th>exposed customers</th><th>exposed customers of 2+ brands</th></tr>\n");
    for (SummaryData.GroupLine g : d.groups()) {
      h.append("<tr><td>")
          .append(esc(g.group()))
          .append("</td><td>")
          .append(count(g.personsExposed(), k))
          .append("</td><td>")
          .append(count(g.personsMultiIncident(), k))
          .append("</td><td>")
          .append(count(g.personsExposedCustomers(), k))
          .append("</td><td>")
          .append(count(g.multiBrandCustomersExposed(), k))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String count(Long value, int k) {
    return value == null ? "" : count(value.longValue(), k);
  }

  static String heatmap(SummaryData d, int k) {
    TreeSet<String> ids = new TreeSet<>();
    for (SummaryData.Overlap o : d.overlaps()) {
      ids.add(o.a());
      ids.add(o.b());
    }
    if (ids.isEmpty()) {
      return "<p id=\"chart-overlap\" class=\"note\">No incident_overlap report for this date.</p>\n";
    }
    List<String> order = new ArrayList<>(ids);
    int n = order.size();
    int cell = Math.max(40, Math.min(90, 600 / n));
    int left = 230;
    int top = 20;
    int width = left + n * cell + 20;
    int height = top + n * cell + 120;
    StringBuilder s = new StringBuilder();
    s.append(
            "<svg id=\"chart-overlap\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\">\n");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        SummaryData.Overlap o = find(d.overlaps(), order.get(i), order.get(j));
        int x = left + j * cell;
        int y = top + i * cell;
        String fill = i == j ? "#eeeeee" : o == null ? "#ffffff" : heat(o.jaccard());
        s.append("<rect class=\"cell\" x=\"")
            .append(x)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(cell)
            .append("\" height=\"")
            .append(cell)
            .append("\" fill=\"")
            .append(fill)
            .append("\" stroke=\"#bbb\"/>");
        if (o != null && i != j) {
          s.append("<text x=\"")
              .append(x + cell / 2)
              .append("\" y=\"")
              .append(y + cell / 2 + 4)
              .append("\" text-anchor=\"middle\" fill=\"")
              .append(o.jaccard() > 0.5 ? "#fff" : "#000")
              .append("\">")
              .append(count(o.personsBoth(), k))
              .append("</text>");
        }
      }
      s.append("<text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(top + i * cell + cell / 2 + 4)
          .append("\" text-anchor=\"end\">")
          .append(esc(order.get(i)))
          .append("</text>\n");
      int cx = left + i * cell + cell / 2;
      int cy = top + n * cell + 8;
      s.append("<text x=\"")
          .append(cx)
          .append("\" y=\"")
          .append(cy)
          .append("\" transform=\"rotate(45 ")
          .append(cx)
          .append(' ')
          .append(cy)
          .append(")\">")
          .append(esc(order.get(i)))
          .append("</text>\n");
    }
    return s.append("</svg>\n").toString();
  }

  private static SummaryData.Overlap find(List<SummaryData.Overlap> overlaps, String a, String b) {
    for (SummaryData.Overlap o : overlaps) {
      if ((o.a().equals(a) && o.b().equals(b)) || (o.a().equals(b) && o.b().equals(a))) {
        return o;
      }
    }
    return null;
  }

  /** White to dark red with the Jaccard index (0..1). */
  static String heat(double jaccard) {
    double t = Math.max(0, Math.min(1, jaccard));
    t = Math.sqrt(t); // small overlaps stay visible
    int r = (int) Math.round(255 - t * (255 - 183));
    int g = (int) Math.round(255 - t * (255 - 28));
    int b = (int) Math.round(255 - t * (255 - 28));
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  static String count(long value, int k) {
    return Suppression.isSmall(value, k) ? "&lt;" + k : String.format(Locale.ROOT, "%,d", value);
  }

  /**
   * Escapes text for HTML content and attributes. Written here rather than taken from commons-text,
   * whose escaper needs a newer commons-lang3 than the one Spark puts first on a cluster's
   * classpath.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
