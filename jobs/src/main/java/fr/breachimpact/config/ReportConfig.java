package fr.breachimpact.config;

/**
 * @param minCellSize aggregates counting fewer persons than this are suppressed (k-anonymity)
 * @param pseudonymKeyEnv environment variable holding the HMAC key
 * @param pseudonymKeyFile file holding the HMAC key, relative to the config file
 */
public record ReportConfig(Integer minCellSize, String pseudonymKeyEnv, String pseudonymKeyFile) {
  public ReportConfig {
    minCellSize = minCellSize == null ? 10 : minCellSize;
    pseudonymKeyEnv = pseudonymKeyEnv == null ? "BREACH_IMPACT_PSEUDONYM_KEY" : pseudonymKeyEnv;
  }

  public static ReportConfig defaults() {
    return new ReportConfig(null, null, null);
  }
}
