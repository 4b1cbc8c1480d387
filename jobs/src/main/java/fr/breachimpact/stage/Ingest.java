package fr.breachimpact.stage;

import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.FileTask;
import fr.breachimpact.ingest.Incident;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.ingest.IngestStage;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.report.RunSummary;
import fr.breachimpact.spark.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/** Leaked files -> {@code leaked_records}, {@code quarantine}, {@code ingested_files}. */
public final class Ingest implements Stage {
  public static final String NAME = "ingest";

  private final String runId;

  /**
   * @param runId the run's id, kept in ingested_files and run_summary
   */
  public Ingest(String runId) {
    this.runId = runId;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> reads() {
    return List.of();
  }

  @Override
  public List<String> writes() {
    return List.of(Tables.LEAKED_RECORDS, Tables.QUARANTINE, Tables.INGESTED_FILES);
  }

  /** Reads every incident's files and replaces the three tables whole. */
  @Override
  public void run(StageContext context) {
    // The inputs are read through the session's Hadoop configuration, as the lake is written.
    InputFiles files = new InputFiles(context.spark().sparkContext().hadoopConfiguration());
    // Everything that can be wrong with the manifests is found here, before any write.
    List<Incident> incidents = IncidentCatalog.load(context.config(), files);
    List<FileTask> tasks =
        IngestPlanner.plan(files, incidents, context.config().config().ingest(), Map.of());
    ingest(context, tasks);
  }

  /** Reads the files of {@code tasks} and replaces the three tables whole. */
  public List<RunSummary.Line> ingest(StageContext context, List<FileTask> tasks) {
    return ingest(context, tasks, null, Map.of());
  }

  /**
   * Reads the files of {@code tasks}, then writes the three tables and the summary; returns the
   * summary lines.
   *
   * @param replaceIncidents null to replace the tables whole; else only these incidents' rows are
   *     replaced (Delta replaceWhere) and the other incidents' rows stay as they are
   * @param fingerprints incident -> fingerprint of its manifest and files, kept in ingested_files
   */
  public List<RunSummary.Line> ingest(
      StageContext context,
      List<FileTask> tasks,
      Set<String> replaceIncidents,
      Map<String, String> fingerprints) {
    SparkSession spark = context.spark();
    LoadedConfig config = context.config();
    long start = System.nanoTime();
    Dataset<Row> outcomes =
        IngestStage.outcomes(spark, tasks, config.config().ingest())
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      // Counting reads every file: a file that cannot be read fails here, before any write.
      List<Row> counts = IngestStage.fileCounts(outcomes).collectAsList();
      write(context, IngestStage.leakedRecords(outcomes), Tables.LEAKED_RECORDS, replaceIncidents);
      write(context, IngestStage.quarantine(outcomes), Tables.QUARANTINE, replaceIncidents);
      double seconds = (System.nanoTime() - start) / 1e9;
      List<RunSummary.Line> lines = summaryLines(tasks, counts, seconds);
      writeIngestedFiles(context, tasks, counts, replaceIncidents, fingerprints);
      RunSummary.write(
          spark,
          config.resolve(config.config().reportsDir()),
          runId,
          context.runDate(),
          NAME,
          lines);
      RunSummary.Line total = lines.get(lines.size() - 1);
      System.out.printf(
          "ingest: %d incidents, %d files, rows_in=%d accepted=%d quarantined=%d %s (%.1f s)%n",
          tasks.stream().map(FileTask::incidentId).distinct().count(),
          tasks.size(),
          total.rowsIn(),
          total.rowsOut(),
          total.rowsQuarantined(),
          total.quarantineByReason(),
          seconds);
      return lines;
    } finally {
      outcomes.unpersist();
    }
  }

  private static List<RunSummary.Line> summaryLines(
      List<FileTask> tasks, List<Row> counts, double seconds) {
    List<RunSummary.Line> lines = new ArrayList<>();
    long in = 0, out = 0, q = 0;
    Map<String, Long> reasons = new TreeMap<>();
    for (FileTask t : tasks) {
      Row c = find(counts, t);
      long rowsIn = c == null ? 0 : c.getLong(c.fieldIndex("rows_in"));
      long rowsOut = c == null ? 0 : c.getLong(c.fieldIndex("rows_out"));
      long rowsQ = c == null ? 0 : c.getLong(c.fieldIndex("rows_quarantined"));
      Map<String, Long> byReason = new TreeMap<>();
      if (c != null && !c.isNullAt(c.fieldIndex("quarantine_by_reason"))) {
        c.<String, Long>getJavaMap(c.fieldIndex("quarantine_by_reason")).forEach(byReason::put);
      }
      byReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
      in += rowsIn;
      out += rowsOut;
      q += rowsQ;
      String detail = t.duplicateOf() == null ? null : "duplicate of " + t.duplicateOf();
      lines.add(
          new RunSummary.Line(
              t.incidentId() + "/" + t.sourceFile(),
              rowsIn,
              rowsOut,
              rowsQ,
              byReason,
              seconds,
              detail));
    }
    lines.add(new RunSummary.Line("all", in, out, q, reasons, seconds, tasks.size() + " files"));
    return lines;
  }

  private static Row find(List<Row> counts, FileTask t) {
    for (Row r : counts) {
      if (r.getString(0).equals(t.incidentId()) && r.getString(1).equals(t.sourceFile())) {
        return r;
      }
    }
    return null;
  }

  private static void write(
      StageContext context, Dataset<Row> frame, String table, Set<String> replaceIncidents) {
    if (replaceIncidents == null || !context.exists(table)) {
      context.overwrite(frame, table);
    } else if (!replaceIncidents.isEmpty()) {
      context.replaceWhere(frame, table, incidentPredicate(replaceIncidents));
    }
  }

  /** {@code incident_id IN ('a', 'b')}: incident ids are validated to [a-z0-9._-]. */
  public static String incidentPredicate(Set<String> incidents) {
    return "incident_id IN ("
        + incidents.stream().sorted().map(i -> "'" + i + "'").collect(Collectors.joining(", "))
        + ")";
  }

  private void writeIngestedFiles(
      StageContext context,
      List<FileTask> tasks,
      List<Row> counts,
      Set<String> replaceIncidents,
      Map<String, String> fingerprints) {
    List<Row> rows = new ArrayList<>();
    for (FileTask t : tasks) {
      Row c = find(counts, t);
      rows.add(
          RowFactory.create(
              t.incidentId(),
              t.sourceFile(),
              t.sha256(),
              t.bytes(),
              c == null ? 0L : c.getLong(c.fieldIndex("rows_in")),
              c == null ? 0L : c.getLong(c.fieldIndex("rows_out")),
              c == null ? 0L : c.getLong(c.fieldIndex("rows_quarantined")),
              t.duplicateOf(),
              fingerprints.get(t.incidentId())));
    }
    StructType schema =
        new StructType()
            .add("incident_id", "string")
            .add("source_file", "string")
            .add("file_sha256", "string")
            .add("bytes", "long")
            .add("rows_in", "long")
            .add("rows_out", "long")
            .add("rows_quarantined", "long")
            .add("duplicate_of", "string")
            .add("incident_fingerprint", "string");
    write(
        context,
        context
            .spark()
            .createDataFrame(rows, schema)
            .withColumn("run_id", lit(runId))
            .withColumn("ingested_at", current_timestamp()),
        Tables.INGESTED_FILES,
        replaceIncidents);
  }
}
