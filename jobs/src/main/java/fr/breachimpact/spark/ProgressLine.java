package fr.breachimpact.spark;

import java.util.Locale;

/**
 * One progress line: {@code progress: stage=link elapsed=40 s spark_job=12 spark_stage=31 tasks=5/8
 * rows_written=120000 (save at LakeTables.java:88)}. No Spark job running (driver work, a Delta
 * commit): {@code spark_job=none}. Rows written appear once Spark's metrics know some.
 */
public record ProgressLine(
    String stage,
    double elapsedSeconds,
    Integer sparkJob,
    Integer sparkStage,
    String sparkStageName,
    int tasksDone,
    int tasksTotal,
    long rowsWritten) {

  public String text() {
    StringBuilder sb =
        new StringBuilder(
            String.format(Locale.ROOT, "progress: stage=%s elapsed=%.0f s", stage, elapsedSeconds));
    if (sparkJob == null) {
      sb.append(" spark_job=none");
    } else {
      sb.append(" spark_job=").append(sparkJob);
      if (sparkStage != null) {
        sb.append(" spark_stage=")
            .append(sparkStage)
            .append(" tasks=")
            .append(tasksDone)
            .append('/')
            .append(tasksTotal);
      }
    }
    if (rowsWritten > 0) {
      sb.append(" rows_written=").append(rowsWritten);
    }
    if (sparkStageName != null) {
      sb.append(" (").append(sparkStageName).append(')');
    }
    return sb.toString();
  }
}
