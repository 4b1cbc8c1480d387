package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.report.StageTimes;
import fr.breachimpact.report.StageTimesHtml;
import fr.breachimpact.spark.TestSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML summary's stage durations come from the latest nightly run of the date in run_log. */
class StageTimesTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final LocalDate DATE = LocalDate.parse("2026-12-06");

  @TempDir Path dir;

  private static RunLog.Entry row(
      String run, String stage, String status, Instant start, long seconds, String slowest) {
    return new RunLog.Entry(
        run,
        DATE,
        stage,
        status,
        "why",
        "fp",
        start,
        start.plusSeconds(seconds),
        0,
        Map.of(),
        null,
        slowest);
  }

  @Test
  void theLatestRunsStagesAreShownInOrderWithTheirSlowestSparkStageAndNotTheRunRow() {
    String path = dir.resolve("run_log").toString();
    RunLog log = new RunLog(SPARK, path);
    Instant t = Instant.parse("2026-12-06T01:00:00Z");
    log.append(row("run-a", "ingest", "ran", t, 50, "stage 1 (save at A.java:1) 40.0 s"));
    log.append(row("run-a", "nightly", "succeeded", t, 60, null));
    log.append(row("run-b", "ingest", "reused", t.plusSeconds(3600), 2, null));
    log.append(
        row(
            "run-b",
            "link",
            "ran",
            t.plusSeconds(3602),
            88,
            "stage 118 (count at CustomerLinkage.java:68) 21.4 s"));

    List<StageTimes.Line> lines = StageTimes.latestRun(SPARK, path, DATE);
    assertEquals(
        List.of(
            new StageTimes.Line("ingest", "reused", 2.0, null),
            new StageTimes.Line(
                "link", "ran", 88.0, "stage 118 (count at CustomerLinkage.java:68) 21.4 s")),
        lines);

    String html = StageTimesHtml.addTo("<html><body><h1>x</h1></body></html>", lines);
    assertTrue(html.contains("<h2>Where the night's time went</h2>"), html);
    assertTrue(
        html.contains(
            "<td>link</td><td class=\"t\">ran</td><td>88.0</td><td class=\"t\">stage 118 (count at CustomerLinkage.java:68) 21.4 s</td>"),
        html);
    assertTrue(html.endsWith("</body></html>"), html);
  }

  @Test
  void noRunLogGivesANoteInsteadOfATable() {
    assertEquals(List.of(), StageTimes.latestRun(SPARK, dir.resolve("none").toString(), DATE));
    assertTrue(StageTimesHtml.section(List.of()).contains("No nightly run of this date"));
  }
}
