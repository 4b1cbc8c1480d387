package fr.breachimpact.config;

/**
 * Parquet modular encryption of the restricted zone (every Parquet file under {@code lake_dir}).
 * The master keys never sit in the config: only where to find them at run time.
 *
 * @param enabled encrypt the restricted zone; off by default
 * @param masterKeysEnv environment variable holding {@code id:base64,id:base64} (16, 24 or 32 bytes
 *     each); default BREACH_IMPACT_MASTER_KEYS
 * @param masterKeysFile file holding the same list (one or more per line), relative to the config
 *     file; used when the variable is unset
 * @param footerKey id of the master key that protects the footers (schema, statistics)
 * @param columnKey id of the master key that protects every column
 * @param plaintextFooter leave footers readable (schema and row counts visible); false by default
 */
public record EncryptionConfig(
    Boolean enabled,
    String masterKeysEnv,
    String masterKeysFile,
    String footerKey,
    String columnKey,
    Boolean plaintextFooter) {

  public EncryptionConfig {
    enabled = enabled != null && enabled;
    masterKeysEnv = masterKeysEnv == null ? "BREACH_IMPACT_MASTER_KEYS" : masterKeysEnv;
    footerKey = footerKey == null ? "footerKey" : footerKey;
    columnKey = columnKey == null ? "piiKey" : columnKey;
    plaintextFooter = plaintextFooter != null && plaintextFooter;
  }

  public static EncryptionConfig defaults() {
    return new EncryptionConfig(null, null, null, null, null, null);
  }
}
