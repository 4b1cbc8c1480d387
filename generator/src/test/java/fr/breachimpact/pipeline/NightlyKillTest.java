package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.cli.ExitCode;
import fr.breachimpact.spark.TestSpark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a real nightly in a child JVM, killed with SIGKILL in the middle of a stage, leaves
 * no half-written report date, and the next run takes over its stale lock and ends with the reports
 * of an uninterrupted run.
 */
class NightlyKillTest {
  /** The first stage start after ingestion and classification: link or resolve is under way. */
  private static final String KILL_AFTER = "nightly: stage=classify ran";

  @TempDir Path dir;

  @Test
  void aRunKilledMidStageLeavesNoPartialReportAndTheRerunEqualsAnUninterruptedRun()
      throws Exception {
    Map<String, List<String>> clean = NightlyFixture.firstRun().reports();
    Path config = NightlyFixture.generate(dir);

    Process child = startNightly(config);
    boolean reached;
    try {
      reached = waitForLine(child, KILL_AFTER, 25);
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no cleanup
      child.waitFor(60, TimeUnit.SECONDS);
    }
    assertTrue(reached, "the child run reached the kill point (see target/nightly-child.err)");
    assertTrue(Files.exists(dir.resolve("lake/_nightly.lock")), "the killed run left its lock");

    Path reports = dir.resolve("reports");
    for (String name : clean.keySet()) {
      Path partition = reports.resolve(name).resolve("report_date=" + NightlyFixture.RUN_DATE);
      if (Files.exists(partition)) {
        long rows = TestSpark.session().read().parquet(partition.toString()).count();
        assertEquals(clean.get(name).size(), rows, name + ": a visible date is complete");
      }
    }
    for (String name : NightlyFixture.reportNames(reports)) {
      assertTrue(clean.containsKey(name), name + ": no report a clean run does not write");
    }
    if (Files.exists(reports.resolve("run_summary"))) {
      TestSpark.session()
          .read()
          .parquet(reports.resolve("run_summary").toString())
          .count(); // readable
    }

    NightlyFixture.Result rerun = NightlyFixture.nightly(config);

    assertEquals(ExitCode.OK, rerun.code());
    assertTrue(
        rerun.out().contains("took over a stale lock"),
        "the rerun took over the killed run's lock");
    Map<String, List<String>> after = NightlyFixture.reports(config);
    assertEquals(clean.keySet(), after.keySet(), "same reports");
    for (String name : clean.keySet()) {
      assertEquals(clean.get(name).size(), after.get(name).size(), name + ": row count");
      assertTrue(
          clean.get(name).equals(after.get(name)),
          name + ": same rows as an uninterrupted run (values not printed)");
    }
  }

  private Process startNightly(Path config) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(sparkJavaOptions());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("fr.breachimpact.cli.BreachImpact");
    command.addAll(
        List.of("nightly", "--config", config.toString(), "--run-date", NightlyFixture.RUN_DATE));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().remove("BREACH_IMPACT_PSEUDONYM_KEY"); // the config names the test key file
    Path err = Path.of("target", "nightly-child.err");
    Files.createDirectories(err.getParent());
    pb.redirectError(err.toFile());
    return pb.start();
  }

  /** The Java 17 opens Spark needs: the ones this JVM got from surefire's argLine. */
  private static List<String> sparkJavaOptions() {
    List<String> options =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(
                a ->
                    a.startsWith("--add-opens")
                        || a.startsWith("-Djdk.reflect")
                        || a.equals("-XX:+IgnoreUnrecognizedVMOptions"))
            .toList();
    if (options.isEmpty()) {
      throw new IllegalStateException(
          "run under Maven: the test JVM has no --add-opens to pass on");
    }
    return options;
  }

  /** Reads the child's stdout until the line shows up, the child ends, or the minutes pass. */
  private static boolean waitForLine(Process child, String wanted, long minutes) throws Exception {
    CompletableFuture<Boolean> seen =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("nightly:")) {
                    System.out.println("child " + line);
                  }
                  if (line.contains(wanted)) {
                    return true;
                  }
                }
                return false;
              } catch (IOException e) {
                return false;
              }
            });
    try {
      return seen.get(minutes, TimeUnit.MINUTES);
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }
}
