package fr.breachimpact.spark;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * Listens to Spark while one pipeline stage runs: the rows its finished tasks wrote (Spark's own
 * output metrics, not a second count) and the slowest Spark stage it went through.
 */
public final class SparkStageTimes extends SparkListener {
  /** A Spark stage by id, with its call-site name (code, never data) and its duration. */
  public record SlowStage(int stageId, String name, double seconds) {
    /** "stage 31 (save at LakeTables.java:88) 12.3 s" */
    public String describe() {
      return String.format(Locale.ROOT, "stage %d (%s) %.1f s", stageId, name, seconds);
    }
  }

  private final AtomicLong rowsWritten = new AtomicLong();
  private volatile SlowStage slowest;

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskMetrics() != null) {
      rowsWritten.addAndGet(end.taskMetrics().outputMetrics().recordsWritten());
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    StageInfo info = completed.stageInfo();
    if (info.submissionTime().isEmpty() || info.completionTime().isEmpty()) {
      return;
    }
    double seconds =
        ((Long) info.completionTime().get() - (Long) info.submissionTime().get()) / 1000.0;
    synchronized (this) {
      if (slowest == null || seconds > slowest.seconds()) {
        slowest = new SlowStage(info.stageId(), info.name(), seconds);
      }
    }
  }

  public long rowsWritten() {
    return rowsWritten.get();
  }

  public Optional<SlowStage> slowest() {
    return Optional.ofNullable(slowest);
  }
}
