package fr.breachimpact.spark;

import java.util.List;

/**
 * The names of the lake's tables and of the reports: the one list that stages declare what they
 * read and write from, and that paths are made of ({@code LoadedConfig.lakeTable}, {@code
 * reportPath}). Their columns: {@code schemas/<name>.json} and docs/tables.md.
 */
public final class Tables {
  // Restricted zone: Delta tables under lake_dir.
  public static final String LEAKED_RECORDS = "leaked_records";
  public static final String QUARANTINE = "quarantine";
  public static final String INGESTED_FILES = "ingested_files";
  public static final String CUSTOMERS = "customers";
  public static final String CUSTOMERS_CLEAN = "customers_clean";
  public static final String CUSTOMER_FILES = "customer_files";
  public static final String LEAKED_RECORDS_CLEAN = "leaked_records_clean";
  public static final String CUSTOMER_MATCHES = "customer_matches";
  public static final String LINK_PAIRS = "link_pairs";
  public static final String RECORD_PERSON = "record_person";
  public static final String CUSTOMER_PERSON = "customer_person";
  public static final String PERSONS = "persons";
  public static final String CLUSTER_REVIEW = "cluster_review";
  public static final String PERSON_MERGES = "person_merges";
  public static final String DEDUPE_PAIRS = "dedupe_pairs";
  public static final String ART34_CONTACTS = "art34_contacts";
  public static final String RUN_LOG = "run_log";

  // Aggregate reports: Parquet under reports_dir, one report_date partition per run date.
  public static final String RUN_SUMMARY = "run_summary";
  public static final String INCIDENT_OVERLAP = "incident_overlap";
  public static final String GROUP_OVERLAP = "group_overlap";
  public static final String EXPOSURE_BY_INCIDENT_CATEGORY = "exposure_by_incident_category";
  public static final String INCIDENT_SEVERITY = "incident_severity";
  public static final String EXPOSURE_CHANGES = "exposure_changes";

  // Notification zone: one row per person or customer, Parquet under notification_dir.
  public static final String PERSON_EXPOSURE = "person_exposure";
  public static final String CUSTOMER_RISK = "customer_risk";
  public static final String EXPOSURE_CHANGE_PSEUDONYMS = "exposure_change_pseudonyms";

  /** The Delta tables of the restricted zone. */
  public static final List<String> LAKE =
      List.of(
          LEAKED_RECORDS,
          QUARANTINE,
          INGESTED_FILES,
          CUSTOMERS,
          CUSTOMERS_CLEAN,
          CUSTOMER_FILES,
          LEAKED_RECORDS_CLEAN,
          CUSTOMER_MATCHES,
          LINK_PAIRS,
          RECORD_PERSON,
          CUSTOMER_PERSON,
          PERSONS,
          CLUSTER_REVIEW,
          PERSON_MERGES,
          DEDUPE_PAIRS,
          ART34_CONTACTS,
          RUN_LOG);

  /** The aggregate reports. */
  public static final List<String> REPORTS =
      List.of(
          RUN_SUMMARY,
          INCIDENT_OVERLAP,
          GROUP_OVERLAP,
          EXPOSURE_BY_INCIDENT_CATEGORY,
          INCIDENT_SEVERITY,
          EXPOSURE_CHANGES);

  /** The per-person reports of the notification zone. */
  public static final List<String> NOTIFICATIONS =
      List.of(PERSON_EXPOSURE, CUSTOMER_RISK, EXPOSURE_CHANGE_PSEUDONYMS);

  private Tables() {}
}
