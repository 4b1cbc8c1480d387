package fr.breachimpact.config;

/**
 * @param minCellSize aggregates counting fewer persons than this are suppressed (k-anonymity)
 * @param pseudonymKeyEnv environment variable holding the HMAC key
 * @param pseudonymKeyFile file holding the HMAC key, relative to the config file
 * @param detectionMinRecords a category found only by content detection in a file counts when it
 *     was detected in at least this many records of the file: one word in one free-text cell must
 *     not set an incident's DPC
 * @param detectionMinShare ... and in at least this share (0..1) of the file's records
 * @param dpoContact who the CNIL notification drafts name as the DPO; without it the drafts mark
 *     the field missing
 */
public record ReportConfig(
    Integer minCellSize,
    String pseudonymKeyEnv,
    String pseudonymKeyFile,
    Integer detectionMinRecords,
    Double detectionMinShare,
    DpoContact dpoContact) {
  public ReportConfig {
    minCellSize = minCellSize == null ? 10 : minCellSize;
    pseudonymKeyEnv = pseudonymKeyEnv == null ? "BREACH_IMPACT_PSEUDONYM_KEY" : pseudonymKeyEnv;
    detectionMinRecords = detectionMinRecords == null ? 10 : detectionMinRecords;
    detectionMinShare = detectionMinShare == null ? 0.01 : detectionMinShare;
  }

  /** Default detection minimums. */
  public ReportConfig(Integer minCellSize, String pseudonymKeyEnv, String pseudonymKeyFile) {
    this(minCellSize, pseudonymKeyEnv, pseudonymKeyFile, null, null, null);
  }

  public static ReportConfig defaults() {
    return new ReportConfig(null, null, null, null, null, null);
  }
}
