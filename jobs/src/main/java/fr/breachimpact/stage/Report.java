package fr.breachimpact.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.DpoContact;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.report.Art34Mailing;
import fr.breachimpact.report.CnilDraft;
import fr.breachimpact.report.CustomerRiskReport;
import fr.breachimpact.report.DetectionMinimum;
import fr.breachimpact.report.ExposureByIncidentCategory;
import fr.breachimpact.report.ExposureChanges;
import fr.breachimpact.report.ImpactReports;
import fr.breachimpact.report.IncidentInfo;
import fr.breachimpact.report.IncidentSeverityReport;
import fr.breachimpact.report.PersonExposureReport;
import fr.breachimpact.report.PseudonymKey;
import fr.breachimpact.report.Pseudonymizer;
import fr.breachimpact.report.ReportWriter;
import fr.breachimpact.report.StageTimes;
import fr.breachimpact.report.StageTimesHtml;
import fr.breachimpact.report.SummaryData;
import fr.breachimpact.report.SummaryHtml;
import fr.breachimpact.report.TextSummary;
import fr.breachimpact.spark.Tables;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads the restricted Delta tables and the manifests, writes the aggregate reports (Parquet, one
 * date replaced) to {@code reports_dir}, the per-person reports to the notification zone ({@code
 * notification_dir}), {@code summary.html} beside the reports folder, and a short count-only
 * summary on stdout.
 */
public final class Report implements CarriedForward {
  public static final String NAME = "report";

  @Override
  public String name() {
    return NAME;
  }

  /** The person tables first: run_summary counts record_person as the stage's rows in. */
  @Override
  public List<String> reads() {
    return List.of(
        Tables.RECORD_PERSON,
        Tables.CUSTOMER_PERSON,
        Tables.LEAKED_RECORDS_CLEAN,
        Tables.CUSTOMER_MATCHES,
        Tables.CUSTOMERS_CLEAN);
  }

  @Override
  public List<String> writes() {
    return List.of(Tables.ART34_CONTACTS);
  }

  /** Its output is the reports: the art. 34 contact list is not counted as its rows out. */
  @Override
  public String countedOutput() {
    return "";
  }

  @Override
  public void run(StageContext context) {
    SparkSession spark = context.spark();
    LoadedConfig loaded = context.config();
    LocalDate runDate = context.runDate();
    // No key, no analyst report: checked before anything is read or written.
    Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymKey.load(loaded, System.getenv()));
    int k = minCellSize(loaded);
    DetectionMinimum detection = detection(loaded);
    Dataset<Row> records = records(context, loaded);
    ImpactReports.Inputs in =
        new ImpactReports.Inputs(
            records,
            delta(context, Tables.RECORD_PERSON),
            delta(context, Tables.CUSTOMER_PERSON),
            delta(context, Tables.CUSTOMER_MATCHES),
            delta(context, Tables.CUSTOMERS_CLEAN));
    List<IncidentInfo> incidents = manifests(loaded, records);

    String root = loaded.resolve(loaded.config().reportsDir());
    String notifications = loaded.notificationRoot();
    ImpactReports reports =
        new ImpactReports(spark, in, incidents, pseudonyms, runDate, Instant.now(), k, detection);
    try {
      ReportWriter.write(
          reports.exposureByIncidentCategory(), root, ExposureByIncidentCategory.NAME, runDate);
      ReportWriter.write(reports.incidentSeverity(), root, IncidentSeverityReport.NAME, runDate);
      // One row per person or customer: the notification zone, never the aggregate reports.
      ReportWriter.write(
          reports.personExposure(), notifications, PersonExposureReport.NAME, runDate);
      ReportWriter.write(reports.customerRisk(), notifications, CustomerRiskReport.NAME, runDate);
      writeCnilDrafts(spark, loaded, notifications, incidents, reports, runDate);
      writeArt34Mailing(
          context, notifications, incidents, reports.art34Contacts(in.customersClean()));
      removeWithdrawn(spark.sparkContext().hadoopConfiguration(), notifications, incidents);
    } finally {
      reports.release();
    }
    writeChangesAndSummary(context, root, notifications, k);
  }

  /**
   * Reports of a date that depend on nothing but inputs unchanged since {@code from} are that
   * date's rows, copied (exposure_by_incident_category, person_exposure, customer_risk; the art. 34
   * contact list and templates stay as they are). What depends on the date is computed:
   * incident_severity's art. 33 deadlines judged at this date, the CNIL drafts (their date, and
   * complementary to the draft of {@code from}), the changes since {@code from} (none, computed all
   * the same from the copied rows) and the summary.
   */
  @Override
  public boolean carryForward(StageContext context, LocalDate from) {
    SparkSession spark = context.spark();
    LoadedConfig loaded = context.config();
    LocalDate runDate = context.runDate();
    int k = minCellSize(loaded);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String root = loaded.resolve(loaded.config().reportsDir());
    String notifications = loaded.notificationRoot();
    // The changes are counted since the latest earlier date: it must be the one carried forward.
    if (!from.equals(previousDate(spark, notifications, runDate))) {
      return false;
    }
    Map<String, String> copied =
        Map.of(
            ExposureByIncidentCategory.NAME, root,
            PersonExposureReport.NAME, notifications,
            CustomerRiskReport.NAME, notifications);
    for (Map.Entry<String, String> report : copied.entrySet()) {
      if (!ReportWriter.exists(conf, report.getValue(), report.getKey(), from)) {
        return false;
      }
    }
    if (!ReportWriter.exists(conf, root, IncidentSeverityReport.NAME, from)) {
      return false;
    }
    List<IncidentInfo> incidents = manifests(loaded, records(context, loaded));
    Map<String, ObjectNode> drafts = new HashMap<>();
    for (IncidentInfo info : incidents) {
      ObjectNode draft = draftOf(conf, notifications + "/" + info.id() + "/cnil.json", from);
      if (draft == null) {
        return false;
      }
      drafts.put(info.id(), draft);
    }

    copied.forEach((name, dir) -> ReportWriter.copy(conf, dir, name, from, runDate));
    Dataset<Row> severity =
        IncidentSeverityReport.reassessed(
            spark,
            written(spark, root, IncidentSeverityReport.NAME, from),
            IncidentSeverityReport.assessedAt(runDate, Instant.now()));
    ReportWriter.write(severity, root, IncidentSeverityReport.NAME, runDate);
    Map<String, Row> severityById = new HashMap<>();
    severity.collectAsList().forEach(r -> severityById.put(r.getAs("incident_id"), r));
    for (IncidentInfo info : incidents) {
      String folder = notifications + "/" + info.id();
      writeDraft(
          conf,
          folder,
          CnilDraft.redated(
              drafts.get(info.id()), info, severityById.get(info.id()), runDate, from));
    }
    warnIfNoDpo(loaded, incidents);
    removeWithdrawn(conf, notifications, incidents);
    writeChangesAndSummary(context, root, notifications, k);
    return true;
  }

  /**
   * The changes since the latest earlier date (pseudonyms to the notification zone, counts to the
   * reports), then the HTML and text summaries of what the date's reports hold.
   */
  private static void writeChangesAndSummary(
      StageContext context, String root, String notifications, int k) {
    SparkSession spark = context.spark();
    LocalDate runDate = context.runDate();
    Map<String, List<Long>> changeCounts = new TreeMap<>();
    LocalDate since = previousDate(spark, notifications, runDate);
    Dataset<Row> changes =
        ExposureChanges.detail(
            written(spark, notifications, PersonExposureReport.NAME, runDate),
            written(spark, notifications, PersonExposureReport.NAME, since),
            written(spark, notifications, CustomerRiskReport.NAME, runDate),
            written(spark, notifications, CustomerRiskReport.NAME, since),
            since);
    ReportWriter.write(changes, notifications, ExposureChanges.DETAIL_NAME, runDate);
    Dataset<Row> changeDetail = written(spark, notifications, ExposureChanges.DETAIL_NAME, runDate);
    ReportWriter.write(
        ExposureChanges.counts(changeDetail, k), root, ExposureChanges.NAME, runDate);
    for (Row r : ExposureChanges.counts(changeDetail, 1).collectAsList()) {
      changeCounts.computeIfAbsent(r.getAs("change"), x -> new ArrayList<>()).add(r.getAs("count"));
    }
    // The summary reads back what was written: it shows exactly what analysts will query.
    SummaryData data =
        SummaryData.collect(
                written(spark, root, IncidentSeverityReport.NAME, runDate),
                written(spark, notifications, PersonExposureReport.NAME, runDate),
                written(spark, notifications, CustomerRiskReport.NAME, runDate),
                ReportWriter.readIfPresent(spark, root, Tables.INCIDENT_OVERLAP, runDate),
                ReportWriter.readIfPresent(spark, root, Tables.GROUP_OVERLAP, runDate))
            .withChanges(changeCounts, since);
    // Written to a hidden temporary file and renamed into place: never visible half-written.
    String html;
    try {
      html =
          ReportWriter.writeBeside(
              spark.sparkContext().hadoopConfiguration(),
              root,
              "summary.html",
              StageTimesHtml.addTo(
                  SummaryHtml.render(data, runDate, k),
                  StageTimes.latestRun(spark, context.table(Tables.RUN_LOG), runDate)));
    } catch (IOException e) {
      throw new InputException(
          root + "/../summary.html: cannot write the HTML summary: " + e.getMessage(), e);
    }
    System.out.print(TextSummary.render(data, k));
    System.out.println(
        "reports: "
            + root
            + "/{"
            + String.join(
                ",",
                ExposureByIncidentCategory.NAME,
                IncidentSeverityReport.NAME,
                ExposureChanges.NAME)
            + "}/report_date="
            + runDate);
    System.out.println(
        "notifications: "
            + notifications
            + "/{"
            + String.join(
                ",",
                PersonExposureReport.NAME,
                CustomerRiskReport.NAME,
                ExposureChanges.DETAIL_NAME)
            + "}/report_date="
            + runDate);
    System.out.println("summary: " + html);
  }

  /**
   * One CNIL notification draft per incident, {@code <notification_dir>/<incident>/cnil.json} and
   * {@code cnil.md}. A draft already there from an earlier date makes this one complementary.
   */
  private static void writeCnilDrafts(
      SparkSession spark,
      LoadedConfig loaded,
      String notifications,
      List<IncidentInfo> incidents,
      ImpactReports reports,
      LocalDate runDate) {
    Map<String, Row> severity = new HashMap<>();
    reports
        .incidentSeverity()
        .collectAsList()
        .forEach(r -> severity.put(r.getAs("incident_id"), r));
    Map<String, Row> estimates = new HashMap<>();
    reports.estimates().forEach(r -> estimates.put(r.getAs("incident_id"), r));
    Map<String, List<Row>> categories = new HashMap<>();
    reports
        .categoryCounts()
        .forEach(
            r -> categories.computeIfAbsent(r.getAs("incident_id"), x -> new ArrayList<>()).add(r));
    DpoContact dpo = loaded.config().report().dpoContact();
    var conf = spark.sparkContext().hadoopConfiguration();
    for (IncidentInfo info : incidents) {
      String folder = notifications + "/" + info.id();
      writeDraft(
          conf,
          folder,
          CnilDraft.json(
              info,
              severity.get(info.id()),
              categories.getOrDefault(info.id(), List.of()),
              estimates.get(info.id()),
              dpo,
              runDate,
              previousDraftDate(conf, folder + "/cnil.json", runDate)));
    }
    warnIfNoDpo(loaded, incidents);
  }

  private static void writeDraft(Configuration conf, String folder, ObjectNode json) {
    try {
      ReportWriter.writeInto(
          conf, folder, "cnil.json", Json.mapper().writeValueAsString(json) + "\n");
      ReportWriter.writeInto(conf, folder, "cnil.md", CnilDraft.markdown(json));
    } catch (IOException e) {
      throw new InputException(folder + ": cannot write the CNIL draft: " + e.getMessage(), e);
    }
  }

  private static void warnIfNoDpo(LoadedConfig loaded, List<IncidentInfo> incidents) {
    DpoContact dpo = loaded.config().report().dpoContact();
    if (!incidents.isEmpty() && (dpo == null || !dpo.complete())) {
      System.out.println(
          "warning: report.dpo_contact missing in "
              + loaded.file()
              + ": "
              + incidents.size()
              + " CNIL draft(s) written with the DPO contact marked missing");
    }
  }

  /**
   * The art. 34 contact list to the lake (Delta, restricted: customer ids for the CRM), and one
   * notice template per incident and category mix to {@code <notification_dir>/<incident>/art34/}.
   */
  private static void writeArt34Mailing(
      StageContext context,
      String notifications,
      List<IncidentInfo> incidents,
      Dataset<Row> contacts) {
    SparkSession spark = context.spark();
    context.overwrite(contacts, Tables.ART34_CONTACTS);
    Map<String, IncidentInfo> byId = new HashMap<>();
    incidents.forEach(i -> byId.put(i.id(), i));
    List<Row> templates =
        context
            .read(Tables.ART34_CONTACTS)
            .select("incident_id", "categories", "template_id")
            .distinct()
            .orderBy("template_id")
            .collectAsList();
    var conf = spark.sparkContext().hadoopConfiguration();
    for (Row t : templates) {
      IncidentInfo info = byId.get(t.<String>getAs("incident_id"));
      String folder = notifications + "/" + info.id() + "/art34";
      try {
        ReportWriter.writeInto(
            conf,
            folder,
            t.<String>getAs("template_id") + ".md",
            Art34Mailing.template(
                info,
                t.getList(t.fieldIndex("categories")),
                context.config().config().report().dpoContact()));
      } catch (IOException e) {
        throw new InputException(
            folder + ": cannot write the art. 34 template: " + e.getMessage(), e);
      }
    }
    System.out.println(
        "art34: "
            + templates.size()
            + " notice template(s) in "
            + notifications
            + "/<incident>/art34, the contact list in "
            + context.table(Tables.ART34_CONTACTS));
  }

  /**
   * Removes the CNIL draft and art. 34 templates of incidents no longer reported (withdrawn from
   * the incidents folder, or left with no accepted record): a draft left in place would still be
   * read as a notification to make. An incident's folder is the one holding a {@code cnil.json}.
   */
  private static void removeWithdrawn(
      Configuration conf, String notifications, List<IncidentInfo> incidents) {
    Set<String> reported = new HashSet<>();
    incidents.forEach(i -> reported.add(i.id()));
    Path root = new Path(notifications);
    try {
      var fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return;
      }
      for (var status : fs.listStatus(root)) {
        Path folder = status.getPath();
        if (status.isDirectory()
            && !reported.contains(folder.getName())
            && fs.exists(new Path(folder, "cnil.json"))) {
          fs.delete(folder, true);
          System.out.println(
              "report: removed the CNIL draft and art. 34 templates of "
                  + folder.getName()
                  + ", no longer among the reported incidents");
        }
      }
    } catch (IOException e) {
      throw new InputException(
          notifications + ": cannot remove the drafts of withdrawn incidents: " + e.getMessage(),
          e);
    }
  }

  /**
   * The latest report date of person_exposure before the run date in the notification zone, or
   * null.
   */
  private static LocalDate previousDate(
      SparkSession spark, String notifications, LocalDate runDate) {
    try {
      Path folder = new Path(notifications + "/" + PersonExposureReport.NAME);
      var fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(folder)) {
        return null;
      }
      LocalDate latest = null;
      for (var status : fs.listStatus(folder)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.startsWith("report_date=")) {
          LocalDate d = LocalDate.parse(name.substring("report_date=".length()));
          if (d.isBefore(runDate) && (latest == null || d.isAfter(latest))) {
            latest = d;
          }
        }
      }
      return latest;
    } catch (IOException | DateTimeException e) {
      throw new InputException(
          notifications + ": cannot list the previous report dates: " + e.getMessage(), e);
    }
  }

  /**
   * The date of the draft this one complements: the report date of the draft already in place, or,
   * when that draft is of the run date itself (a re-run), the date it complemented; null when this
   * one is the initial notification.
   */
  private static LocalDate previousDraftDate(Configuration conf, String file, LocalDate runDate) {
    try {
      JsonNode previous = draftIn(conf, file);
      String date = previous == null ? "" : previous.path("report_date").asText("");
      if (date.isEmpty()) {
        return null;
      }
      if (!LocalDate.parse(date).equals(runDate)) {
        return LocalDate.parse(date);
      }
      String complemented = previous.path("complements_draft_of").asText("");
      return complemented.isEmpty() ? null : LocalDate.parse(complemented);
    } catch (IOException | RuntimeException e) {
      return null; // an unreadable old draft: this one is written as initial
    }
  }

  /** The draft in place at {@code file}, or null when there is none. */
  private static JsonNode draftIn(Configuration conf, String file) throws IOException {
    Path p = new Path(file);
    var fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      return null;
    }
    try (var in = fs.open(p)) {
      return Json.mapper().readTree(in);
    }
  }

  private static int minCellSize(LoadedConfig loaded) {
    int k = loaded.config().report().minCellSize();
    if (k < 1) {
      throw ConfigException.at(
          loaded.file().toString(), "report.min_cell_size", "must be at least 1");
    }
    return k;
  }

  /** The clean leaked records of the config's incidents (all of them when it names none). */
  private static Dataset<Row> records(StageContext context, LoadedConfig loaded) {
    Dataset<Row> records = delta(context, Tables.LEAKED_RECORDS_CLEAN);
    List<String> wanted = loaded.config().incidents();
    return wanted.isEmpty()
        ? records
        : records.where(functions.col("incident_id").isin(wanted.toArray()));
  }

  /** The incident's draft in place, if it is the one of {@code date}; null otherwise. */
  private static ObjectNode draftOf(Configuration conf, String file, LocalDate date) {
    try {
      return draftIn(conf, file) instanceof ObjectNode o
              && date.toString().equals(o.path("report_date").asText())
          ? o
          : null;
    } catch (IOException | RuntimeException e) {
      return null; // unreadable: the stage runs in full and writes it again
    }
  }

  private static DetectionMinimum detection(LoadedConfig loaded) {
    var report = loaded.config().report();
    if (report.detectionMinRecords() < 1) {
      throw ConfigException.at(
          loaded.file().toString(), "report.detection_min_records", "must be at least 1");
    }
    if (report.detectionMinShare() < 0 || report.detectionMinShare() > 1) {
      throw ConfigException.at(
          loaded.file().toString(), "report.detection_min_share", "must be within 0..1");
    }
    return new DetectionMinimum(report.detectionMinRecords(), report.detectionMinShare());
  }

  /** A report's partition of a date as written (null for no date). */
  private static Dataset<Row> written(SparkSession spark, String dir, String name, LocalDate date) {
    return date == null ? null : spark.read().parquet(ReportWriter.partitionPath(dir, name, date));
  }

  private static Dataset<Row> delta(StageContext context, String table) {
    try {
      return context.read(table);
    } catch (RuntimeException e) {
      throw new InputException(
          context.table(table)
              + ": cannot read Delta table "
              + table
              + " (run the stage that writes it first)",
          e);
    }
  }

  /** The manifests of the incidents present in the lake, in incident order. */
  private static List<IncidentInfo> manifests(LoadedConfig loaded, Dataset<Row> records) {
    Map<String, IncidentManifest> byId = IncidentCatalog.manifests(loaded);
    Path dir = InputFiles.path(loaded.resolve(loaded.config().incidentsDir()));
    List<IncidentInfo> result = new ArrayList<>();
    for (Row r : records.select("incident_id").distinct().orderBy("incident_id").collectAsList()) {
      String id = r.getString(0);
      IncidentManifest manifest = byId.get(id);
      if (manifest == null) {
        throw new InputException(
            id
                + ": incident in the lake but not in incidents_dir "
                + InputFiles.shown(dir)
                + " (run ingest again)");
      }
      result.add(
          IncidentInfo.of(id, manifest, InputFiles.shown(new Path(dir, id + "/manifest.json"))));
    }
    return result;
  }
}
