package fr.breachimpact.report;

import java.util.List;
import java.util.Locale;

/**
 * A section of the HTML summary, "Where the night's time went": each stage's duration and its
 * slowest Spark stage. Added before the page's end by the report command, so that the summary's own
 * renderer stays as it is.
 */
public final class StageTimesHtml {
  private StageTimesHtml() {}

  public static String section(List<StageTimes.Line> lines) {
    StringBuilder h = new StringBuilder("<h2>Where the night's time went</h2>\n");
    if (lines.isEmpty()) {
      return h.append(
              "<p class=\"note\">No nightly run of this date in run_log (a report run on its own).</p>\n")
          .toString();
    }
    h.append(
        "<table id=\"stage-times\"><tr><th>stage</th><th>status</th><th>seconds</th><th>slowest Spark stage</th></tr>\n");
    for (StageTimes.Line l : lines) {
      h.append("<tr><td>")
          .append(esc(l.stage()))
          .append("</td><td class=\"t\">")
          .append(esc(l.status()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", l.seconds()))
          .append("</td><td class=\"t\">")
          .append(l.slowestSparkStage() == null ? "" : esc(l.slowestSparkStage()))
          .append("</td></tr>\n");
    }
    return h.append(
            "</table>\n<p class=\"note\">From run_log, the latest nightly run of this date: during that run, the stages"
                + " before this report (its own row is written as it ends).</p>\n")
        .toString();
  }

  /** The page with the section added just before {@code </body>}. */
  public static String addTo(String html, List<StageTimes.Line> lines) {
    int end = html.lastIndexOf("</body>");
    return end < 0
        ? html + section(lines)
        : html.substring(0, end) + section(lines) + html.substring(end);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
