package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryHtmlTest {
  private static final Pattern SVG =
      Pattern.compile("<svg id=\"([^\"]+)\"(.*?)</svg>", Pattern.DOTALL);
  private static final Pattern RECT =
      Pattern.compile(
          "<rect class=\"(bar|cell)\"[^>]*width=\"(\\d+)\" height=\"(\\d+)\"[^>]*fill=\"(#[0-9a-f]{6})\"");

  /** Every chart is present and draws at least one bar or cell of positive size. */
  static void assertChartsDrawn(String html) {
    Map<String, Integer> drawn = new TreeMap<>();
    Matcher svg = SVG.matcher(html);
    while (svg.find()) {
      Matcher rect = RECT.matcher(svg.group(2));
      int n = 0;
      while (rect.find()) {
        if (Integer.parseInt(rect.group(2)) > 0 && Integer.parseInt(rect.group(3)) > 0) {
          n++;
        }
      }
      drawn.put(svg.group(1), n);
    }
    for (String chart : List.of("chart-exposure", "chart-overlap", "chart-risk", "chart-notify")) {
      assertTrue(drawn.getOrDefault(chart, 0) > 0, "chart " + chart + " draws something: " + drawn);
    }
    assertTrue(html.contains("<table id=\"severity\">"));
    String withoutNamespaces = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for (String external :
        List.of("<script", "src=", "href=", "url(", "@import", "http:", "https:")) {
      assertFalse(withoutNamespaces.contains(external), "self-contained: no " + external);
    }
  }

  @Test
  void theSeverityTableSaysWhenDetectionAloneSetDpc() {
    SummaryData d =
        new SummaryData(
            List.of(
                new SummaryData.IncidentLine(
                    "notes-2025",
                    "Notes",
                    4,
                    1.0,
                    0.5,
                    4.5,
                    "very high",
                    1200L,
                    null,
                    null,
                    true,
                    "HEALTH",
                    34L),
                new SummaryData.IncidentLine(
                    "shop-2025",
                    "Shop",
                    1,
                    1.0,
                    1.0,
                    2.0,
                    "medium",
                    900L,
                    null,
                    null,
                    false,
                    "LOYALTY_ID",
                    null)),
            2100,
            Map.of(),
            Map.of(),
            new TreeMap<>(),
            List.of());
    String html = SummaryHtml.render(d, java.time.LocalDate.of(2025, 12, 1), 10);
    assertTrue(
        html.contains("HEALTH (detected in 34 records)"), "the detected driver with its evidence");
    assertTrue(html.contains(">LOYALTY_ID<"), "a verified driver without evidence note");
  }

  static SummaryData sample() {
    return new SummaryData(
        List.of(
            new SummaryData.IncidentLine(
                "shop-2025",
                "Shop <SA>",
                2,
                1.0,
                1.0,
                3.0,
                "high",
                1200L,
                Timestamp.from(Instant.parse("2025-08-04T10:00:00Z")),
                true,
                true),
            new SummaryData.IncidentLine(
                "clinic-2025", "Clinic", 4, 1.0, 1.0, 5.0, "very high", null, null, null, true)),
        2400,
        Map.of("CONTACT", 2000L, "HEALTH", 300L, "FINANCIAL", 4L),
        Map.of("low", 1000L, "high", 1100L, "very high", 300L),
        new TreeMap<>(Map.of("Auchan", new long[] {900, 700}, "Leroy Merlin", new long[] {400, 5})),
        List.of(
            new SummaryData.Overlap("shop-2025", "clinic-2025", 150, 0.06),
            new SummaryData.Overlap("shop-2025", "other-2025", 3, 0.001)),
        List.of(new SummaryData.GroupLine("Mulliez", 2100L, 150L, 1300L, 40L)));
  }

  @Test
  void chartsAreDrawnAndTheFileIsSelfContained() {
    assertChartsDrawn(SummaryHtml.render(sample(), LocalDate.of(2025, 11, 30), 10));
  }

  @Test
  void smallCountsShowAsBelowKAndTextIsEscaped() {
    String html = SummaryHtml.render(sample(), LocalDate.of(2025, 11, 30), 10);
    assertTrue(
        html.contains("&lt;10"), "FINANCIAL 4, Leroy Merlin 5 and the overlap of 3 are suppressed");
    assertFalse(
        html.contains(">4</text>") || html.contains(">5</text>") || html.contains(">3</text>"));
    assertTrue(html.contains("Shop &lt;SA&gt;"));
  }

  @Test
  void groupRollUpIsShownInTheHtmlAndTheConsole() {
    assertTrue(
        SummaryHtml.render(sample(), LocalDate.of(2025, 11, 30), 10)
            .contains("<table id=\"groups\">"));
    String text = TextSummary.render(sample(), 10);
    assertTrue(
        text.contains(
            "group Mulliez: 2100 persons exposed in its incidents (counted once), 150 in two or more"),
        text);
    assertTrue(
        text.contains("Leroy Merlin") && text.contains("<10 of 400 exposed customers"), text);
  }

  @Test
  void missingOverlapReportSaysSo() {
    SummaryData d = sample();
    SummaryData none =
        new SummaryData(
            d.incidents(),
            d.personsExposed(),
            d.personsByCategory(),
            d.personsByLevel(),
            d.customersByBrand(),
            List.of());
    assertTrue(
        SummaryHtml.render(none, LocalDate.of(2025, 11, 30), 10)
            .contains("No incident_overlap report"));
  }

  @Test
  void chromiumRendersTheSummaryToAPng(@TempDir Path dir) throws Exception {
    Path script = Path.of("..", "scripts", "render-summary.sh").toAbsolutePath().normalize();
    boolean chromium = Files.isExecutable(Path.of("/usr/bin/chromium"));
    Assumptions.assumeTrue(
        chromium && Files.isRegularFile(script), "chromium not installed: PNG test skipped");
    Path html = dir.resolve("summary.html");
    Path png = dir.resolve("summary.png");
    Files.writeString(html, SummaryHtml.render(sample(), LocalDate.of(2025, 11, 30), 10));
    Process p =
        new ProcessBuilder("bash", script.toString(), html.toString(), png.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("render.log").toFile())
            .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "chromium finished");
    assertTrue(p.exitValue() == 0, "render-summary.sh exit " + p.exitValue());
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(
        bytes.length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G',
        "a PNG of some size");
  }
}
