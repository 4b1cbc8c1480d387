package fr.breachimpact.cli;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.DpoContact;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.InputException;
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
import fr.breachimpact.report.SummaryData;
import fr.breachimpact.report.SummaryHtml;
import fr.breachimpact.report.TextSummary;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code report}: reads the restricted Delta tables and the manifests, writes the aggregate reports
 * (Parquet, one date replaced) to {@code reports_dir}, the per-person reports to the notification
 * zone ({@code notification_dir}), {@code summary.html} beside the reports folder, and a short
 * count-only summary on stdout.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write the impact reports, the HTML summary and a console summary.")
public final class ReportCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Override
  public Integer call() {
    return options.runJob("report", ReportCommand::run);
  }

  /** The job without its command line: for the nightly run and the tests. */
  public static void run(SparkSession spark, LoadedConfig loaded, LocalDate runDate) {
    // No key, no analyst report: checked before anything is read or written.
    Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymKey.load(loaded, System.getenv()));
    int k = loaded.config().report().minCellSize();
    if (k < 1) {
      throw ConfigException.at(
          loaded.file().toString(), "report.min_cell_size", "must be at least 1");
    }
    DetectionMinimum detection = detection(loaded);
    ImpactReports.Inputs in =
        new ImpactReports.Inputs(
            delta(spark, loaded, "leaked_records_clean"),
            delta(spark, loaded, "record_person"),
            delta(spark, loaded, "customer_person"),
            delta(spark, loaded, "customer_matches"),
            delta(spark, loaded, "customers_clean"));
    List<String> wanted = loaded.config().incidents();
    Dataset<Row> records = in.leakedRecordsClean();
    if (!wanted.isEmpty()) {
      records = records.where(functions.col("incident_id").isin(wanted.toArray()));
      in =
          new ImpactReports.Inputs(
              records,
              in.recordPerson(),
              in.customerPerson(),
              in.customerMatches(),
              in.customersClean());
    }
    List<IncidentInfo> incidents = manifests(loaded, records);

    String root = loaded.resolve(loaded.config().reportsDir());
    String notifications = loaded.notificationRoot();
    ImpactReports reports =
        new ImpactReports(
            spark, in, incidents, pseudonyms, runDate, java.time.Instant.now(), k, detection);
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
          spark, loaded, notifications, incidents, reports.art34Contacts(in.customersClean()));
    } finally {
      reports.release();
    }
    Map<String, List<Long>> changeCounts = new java.util.TreeMap<>();
    LocalDate since = previousDate(spark, notifications, runDate);
    Dataset<Row> changes =
        ExposureChanges.detail(
            spark
                .read()
                .parquet(
                    ReportWriter.partitionPath(notifications, PersonExposureReport.NAME, runDate)),
            since == null
                ? null
                : spark
                    .read()
                    .parquet(
                        ReportWriter.partitionPath(
                            notifications, PersonExposureReport.NAME, since)),
            spark
                .read()
                .parquet(
                    ReportWriter.partitionPath(notifications, CustomerRiskReport.NAME, runDate)),
            since == null
                ? null
                : spark
                    .read()
                    .parquet(
                        ReportWriter.partitionPath(notifications, CustomerRiskReport.NAME, since)),
            since);
    ReportWriter.write(changes, notifications, ExposureChanges.DETAIL_NAME, runDate);
    ReportWriter.write(
        ExposureChanges.counts(
            spark
                .read()
                .parquet(
                    ReportWriter.partitionPath(
                        notifications, ExposureChanges.DETAIL_NAME, runDate)),
            k),
        root,
        ExposureChanges.NAME,
        runDate);
    for (Row r :
        ExposureChanges.counts(
                spark
                    .read()
                    .parquet(
                        ReportWriter.partitionPath(
                            notifications, ExposureChanges.DETAIL_NAME, runDate)),
                1)
            .collectAsList()) {
      changeCounts.computeIfAbsent(r.getAs("change"), x -> new ArrayList<>()).add(r.getAs("count"));
    }
    // The summary reads back what was written: it shows exactly what analysts will query.
    SummaryData data =
        SummaryData.collect(
                spark
                    .read()
                    .parquet(
                        ReportWriter.partitionPath(root, IncidentSeverityReport.NAME, runDate)),
                spark
                    .read()
                    .parquet(
                        ReportWriter.partitionPath(
                            notifications, PersonExposureReport.NAME, runDate)),
                spark
                    .read()
                    .parquet(
                        ReportWriter.partitionPath(
                            notifications, CustomerRiskReport.NAME, runDate)),
                ReportWriter.readIfPresent(spark, root, "incident_overlap", runDate),
                ReportWriter.readIfPresent(spark, root, "group_overlap", runDate))
            .withChanges(changeCounts, since);
    // Written to a hidden temporary file and renamed into place: never visible half-written.
    String html;
    try {
      html =
          ReportWriter.writeBeside(
              spark.sparkContext().hadoopConfiguration(),
              root,
              "summary.html",
              fr.breachimpact.pipeline.StageTimesHtml.addTo(
                  SummaryHtml.render(data, runDate, k),
                  fr.breachimpact.pipeline.StageTimes.latestRun(
                      spark, loaded.lakeTable("run_log"), runDate)));
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
    Map<String, Row> severity = new java.util.HashMap<>();
    reports
        .incidentSeverity()
        .collectAsList()
        .forEach(r -> severity.put(r.getAs("incident_id"), r));
    Map<String, Row> estimates = new java.util.HashMap<>();
    reports.estimates().forEach(r -> estimates.put(r.getAs("incident_id"), r));
    Map<String, List<Row>> categories = new java.util.HashMap<>();
    reports
        .categoryCounts()
        .forEach(
            r -> categories.computeIfAbsent(r.getAs("incident_id"), x -> new ArrayList<>()).add(r));
    DpoContact dpo = loaded.config().report().dpoContact();
    var conf = spark.sparkContext().hadoopConfiguration();
    for (IncidentInfo info : incidents) {
      String folder = notifications + "/" + info.id();
      try {
        var json =
            CnilDraft.json(
                info,
                severity.get(info.id()),
                categories.getOrDefault(info.id(), List.of()),
                estimates.get(info.id()),
                dpo,
                runDate,
                previousDraftDate(conf, folder + "/cnil.json", runDate));
        ReportWriter.writeInto(
            conf, folder, "cnil.json", Json.mapper().writeValueAsString(json) + "\n");
        ReportWriter.writeInto(conf, folder, "cnil.md", CnilDraft.markdown(json));
      } catch (IOException e) {
        throw new InputException(folder + ": cannot write the CNIL draft: " + e.getMessage(), e);
      }
    }
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
      SparkSession spark,
      LoadedConfig loaded,
      String notifications,
      List<IncidentInfo> incidents,
      Dataset<Row> contacts) {
    String table = loaded.lakeTable(Art34Mailing.TABLE);
    contacts
        .write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .save(table);
    Map<String, IncidentInfo> byId = new java.util.HashMap<>();
    incidents.forEach(i -> byId.put(i.id(), i));
    List<Row> templates =
        spark
            .read()
            .format("delta")
            .load(table)
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
                loaded.config().report().dpoContact()));
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
            + table);
  }

  /**
   * The latest report date of person_exposure before the run date in the notification zone, or
   * null.
   */
  private static LocalDate previousDate(
      SparkSession spark, String notifications, LocalDate runDate) {
    try {
      org.apache.hadoop.fs.Path folder =
          new org.apache.hadoop.fs.Path(notifications + "/" + PersonExposureReport.NAME);
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
    } catch (IOException | java.time.DateTimeException e) {
      throw new InputException(
          notifications + ": cannot list the previous report dates: " + e.getMessage(), e);
    }
  }

  /**
   * The date of the draft this one complements: the report date of the draft already in place, or,
   * when that draft is of the run date itself (a re-run), the date it complemented; null when this
   * one is the initial notification.
   */
  private static LocalDate previousDraftDate(
      org.apache.hadoop.conf.Configuration conf, String file, LocalDate runDate) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
      var fs = p.getFileSystem(conf);
      if (!fs.exists(p)) {
        return null;
      }
      try (var in = fs.open(p)) {
        var previous = Json.mapper().readTree(in);
        String date = previous.path("report_date").asText("");
        if (date.isEmpty()) {
          return null;
        }
        if (!LocalDate.parse(date).equals(runDate)) {
          return LocalDate.parse(date);
        }
        String complemented = previous.path("complements_draft_of").asText("");
        return complemented.isEmpty() ? null : LocalDate.parse(complemented);
      }
    } catch (IOException | RuntimeException e) {
      return null; // an unreadable old draft: this one is written as initial
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

  private static Dataset<Row> delta(SparkSession spark, LoadedConfig loaded, String table) {
    String path = loaded.lakeTable(table);
    try {
      return spark.read().format("delta").load(path);
    } catch (RuntimeException e) {
      throw new InputException(
          path + ": cannot read Delta table " + table + " (run the stage that writes it first)", e);
    }
  }

  /** The manifests of the incidents present in the lake, in incident order. */
  private static List<IncidentInfo> manifests(LoadedConfig loaded, Dataset<Row> records) {
    Map<String, IncidentManifest> byId = IncidentCatalog.manifests(loaded);
    org.apache.hadoop.fs.Path dir =
        fr.breachimpact.ingest.InputFiles.path(loaded.resolve(loaded.config().incidentsDir()));
    List<IncidentInfo> result = new ArrayList<>();
    for (Row r : records.select("incident_id").distinct().orderBy("incident_id").collectAsList()) {
      String id = r.getString(0);
      IncidentManifest manifest = byId.get(id);
      if (manifest == null) {
        throw new InputException(
            id
                + ": incident in the lake but not in incidents_dir "
                + fr.breachimpact.ingest.InputFiles.shown(dir)
                + " (run ingest again)");
      }
      result.add(
          IncidentInfo.of(
              id,
              manifest,
              fr.breachimpact.ingest.InputFiles.shown(
                  new org.apache.hadoop.fs.Path(dir, id + "/manifest.json"))));
    }
    return result;
  }
}
