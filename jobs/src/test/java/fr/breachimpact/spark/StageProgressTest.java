package fr.breachimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Progress lines from Spark's status tracker and listener, on a job slow enough to watch. */
class StageProgressTest {
  private static final SparkSession SPARK = TestSpark.session();

  /** Four tasks that take about {@code millis} each, on the test session's two cores. */
  private static CompletableFuture<Long> slowJob(long millis) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SPARK.sparkContext());
    return CompletableFuture.supplyAsync(
        () ->
            jsc.parallelize(List.of(1, 2, 3, 4), 4)
                .map(
                    i -> {
                      Thread.sleep(millis);
                      return i;
                    })
                .count());
  }

  @Test
  void aRunningJobShowsItsSparkJobStageAndTasksDoneOutOfTotal() throws Exception {
    try (StageProgress progress = new StageProgress(SPARK.sparkContext(), "link", 0, System.out)) {
      CompletableFuture<Long> job = slowJob(1_500);
      ProgressLine line = null;
      for (int i = 0; i < 100 && (line == null || line.sparkStage() == null); i++) {
        Thread.sleep(50);
        line = progress.now();
      }
      assertNotNull(line.sparkJob(), line.text());
      assertNotNull(line.sparkStage(), line.text());
      assertEquals(4, line.tasksTotal(), line.text());
      assertTrue(line.tasksDone() < 4, line.text());
      assertTrue(
          line.text()
              .matches(
                  "progress: stage=link elapsed=\\d+ s spark_job=\\d+ spark_stage=\\d+ tasks=\\d/4 \\(.+\\)"),
          line.text());
      assertEquals(4L, job.get());
      assertTrue(progress.slowest().isPresent(), "the slowest Spark stage is known once it ended");
      assertTrue(progress.slowest().get().seconds() >= 1.0, progress.slowest().get().describe());
      assertTrue(
          progress.slowest().get().describe().matches("stage \\d+ \\(.+\\) \\d+\\.\\d s"),
          progress.slowest().get().describe());
    }
  }

  @Test
  void linesArePrintedEveryIntervalWhileTheStageRunsAndStopWhenItEnds() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (StageProgress progress = new StageProgress(SPARK.sparkContext(), "classify", 1, out)) {
      slowJob(1_200).get();
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    long lines = printed.lines().count();
    assertTrue(lines >= 1, "at least one line in about 2.4 s at 1 s: " + printed);
    assertTrue(
        printed.lines().allMatch(l -> l.startsWith("progress: stage=classify elapsed=")), printed);
    Thread.sleep(1_500);
    assertEquals(
        lines,
        bytes.toString(StandardCharsets.UTF_8).lines().count(),
        "no line after the stage ended");
  }

  @Test
  void theTestsTurnTheLinesOffThroughTheSparkSetting() {
    assertEquals(0, StageProgress.intervalSeconds(SPARK));
  }

  @Test
  void aLineWithoutARunningJobSaysSoAndShowsRowsOnlyWhenKnown() {
    assertEquals(
        "progress: stage=ingest elapsed=12 s spark_job=none",
        new ProgressLine("ingest", 12.2, null, null, null, 0, 0, 0).text());
    assertEquals(
        "progress: stage=link elapsed=40 s spark_job=3 spark_stage=7 tasks=5/8 rows_written=1200 (save at X.java:1)",
        new ProgressLine("link", 40, 3, 7, "save at X.java:1", 5, 8, 1200).text());
    assertFalse(new ProgressLine("link", 1, 3, 7, "x", 0, 8, 0).text().contains("rows_written"));
  }
}
