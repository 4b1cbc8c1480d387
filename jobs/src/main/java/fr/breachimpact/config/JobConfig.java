package fr.breachimpact.config;

import java.util.List;
import java.util.Map;

/**
 * The job configuration ({@code --config}), JSON or YAML. Relative paths are resolved against the
 * folder of the config file, so that a config can travel with its data.
 *
 * @param incidentsDir folder holding one sub-folder per incident, each with a manifest.json
 * @param incidents incident ids to take from {@code incidentsDir}; empty means all of them
 * @param customers customer master sources
 * @param lakeDir restricted zone: Delta tables of stages 1 to 4
 * @param reportsDir analyst-facing Parquet reports: aggregates only
 * @param notificationDir the notification zone: the per-person reports (person_exposure,
 *     customer_risk), one row per person or customer, for the DPO and the team that notifies; by
 *     default {@code notifications} beside the reports folder, never inside it
 * @param link settings of customer matching
 * @param spark extra Spark settings for local runs (ignored keys on a cluster are harmless)
 * @param resolve deduplication settings (over-linking guards, threshold)
 * @param encryption Parquet modular encryption of the restricted zone (off by default)
 * @param customersMaxShrink the share of its rows a customer extract may lose from one load to the
 *     next (default 0.20); a larger drop stops the run (exit 3): a truncated extract would
 *     otherwise drop customers from the notification lists without a word
 */
public record JobConfig(
    String incidentsDir,
    List<String> incidents,
    List<CustomerSource> customers,
    String lakeDir,
    String reportsDir,
    String notificationDir,
    IngestConfig ingest,
    ReportConfig report,
    LinkConfig link,
    ResolveConfig resolve,
    Map<String, String> spark,
    EncryptionConfig encryption,
    Double customersMaxShrink) {
  public static final double DEFAULT_CUSTOMERS_MAX_SHRINK = 0.20;

  public JobConfig {
    incidents = incidents == null ? List.of() : List.copyOf(incidents);
    customers = customers == null ? List.of() : List.copyOf(customers);
    ingest = ingest == null ? IngestConfig.defaults() : ingest;
    report = report == null ? ReportConfig.defaults() : report;
    link = link == null ? LinkConfig.defaults() : link;
    spark = spark == null ? Map.of() : Map.copyOf(spark);
    resolve = resolve == null ? ResolveConfig.defaults() : resolve;
    encryption = encryption == null ? EncryptionConfig.defaults() : encryption;
    customersMaxShrink =
        customersMaxShrink == null ? DEFAULT_CUSTOMERS_MAX_SHRINK : customersMaxShrink;
    if (!(customersMaxShrink >= 0 && customersMaxShrink <= 1)) {
      throw new InvalidField(
          "customers_max_shrink",
          "must be within 0..1 (a share of the rows), got " + customersMaxShrink);
    }
  }

  /** A config with every section at its defaults. */
  public static JobConfig of(
      String incidentsDir, List<CustomerSource> customers, String lakeDir, String reportsDir) {
    return new JobConfig(
        incidentsDir,
        null,
        customers,
        lakeDir,
        reportsDir,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
