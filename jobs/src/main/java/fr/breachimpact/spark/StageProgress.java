package fr.breachimpact.spark;

import fr.breachimpact.config.ConfigException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * While a pipeline stage runs: a progress line every N seconds from Spark's status tracker (what
 * runs now) and a listener (rows written, the slowest Spark stage). N comes from the Spark setting
 * {@value #INTERVAL_KEY} (the config's {@code spark} map, {@code --conf} on a cluster; default 10,
 * 0 turns the lines off: the tests set it so). The listener runs either way, so the slowest Spark
 * stage is known for run_log.
 */
public final class StageProgress implements AutoCloseable {
  public static final String INTERVAL_KEY = "spark.breachimpact.progress.seconds";
  static final long DEFAULT_SECONDS = 10;

  private final SparkContext sc;
  private final String stage;
  private final long startNanos = System.nanoTime();
  private final SparkStageTimes times = new SparkStageTimes();
  private final ScheduledExecutorService ticker;
  private final PrintStream out;

  StageProgress(SparkContext sc, String stage, long intervalSeconds, PrintStream out) {
    this.sc = sc;
    this.stage = stage;
    this.out = out;
    sc.addSparkListener(times);
    if (intervalSeconds > 0) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "breach-impact-progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::print, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    } else {
      ticker = null;
    }
  }

  public static StageProgress start(SparkSession spark, String stage) {
    return new StageProgress(spark.sparkContext(), stage, intervalSeconds(spark), System.out);
  }

  static long intervalSeconds(SparkSession spark) {
    String value =
        spark
            .conf()
            .getOption(INTERVAL_KEY)
            .orElse(() -> spark.sparkContext().getConf().getOption(INTERVAL_KEY))
            .getOrElse(() -> System.getProperty(INTERVAL_KEY, String.valueOf(DEFAULT_SECONDS)));
    try {
      return Math.max(0, Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new ConfigException(
          INTERVAL_KEY + ": a number of seconds expected, got '" + value + "'");
    }
  }

  /** The line now: the latest active Spark job and its latest active stage. */
  public ProgressLine now() {
    SparkStatusTracker tracker = sc.statusTracker();
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    Integer job = null;
    for (int id : tracker.getActiveJobIds()) {
      job = job == null ? id : Math.max(job, id);
    }
    Integer stageId = null;
    int done = 0, total = 0;
    String name = null;
    if (job != null) {
      SparkJobInfo info = tracker.getJobInfo(job).getOrElse(() -> null);
      Set<Integer> active = new HashSet<>();
      for (int s : tracker.getActiveStageIds()) {
        active.add(s);
      }
      if (info != null) {
        // The job's latest submitted stage (tasks may not have started yet: 0/8).
        for (int s : info.stageIds()) {
          SparkStageInfo si =
              active.contains(s) ? tracker.getStageInfo(s).getOrElse(() -> null) : null;
          if (si != null && (stageId == null || s > stageId)) {
            stageId = s;
            done = si.numCompletedTasks();
            total = si.numTasks();
            name = si.name();
          }
        }
      }
    }
    return new ProgressLine(stage, elapsed, job, stageId, name, done, total, times.rowsWritten());
  }

  private void print() {
    try {
      out.println(now().text());
    } catch (RuntimeException e) {
      // A progress line is never worth failing the stage for (the context may be stopping).
    }
  }

  /**
   * The slowest Spark stage so far, once the listener has caught up with the stages already ended.
   */
  public Optional<SparkStageTimes.SlowStage> slowest() {
    try {
      // Listener events arrive on Spark's bus thread, behind the job that just ended; Spark's own
      // tests wait for it the same way (LiveListenerBus is internal to Spark but public in
      // bytecode).
      sc.listenerBus().waitUntilEmpty(2_000);
    } catch (Exception e) {
      // a busy bus: the answer stays the one known so far
    }
    return times.slowest();
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    sc.removeSparkListener(times);
  }
}
