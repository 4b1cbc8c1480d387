package fr.breachimpact.security;

import fr.breachimpact.config.EncryptionConfig;
import fr.breachimpact.config.LoadedConfig;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.crypto.keytools.KeyToolkit;
import org.apache.spark.sql.SparkSession;

/**
 * Turns the restricted-zone encryption on in the shared test session, with a fresh random in-memory
 * key set, and off again on close (the session is shared with every other test class).
 */
final class EncryptionSwitch implements AutoCloseable {
  static final String KEY_SET = "restricted-zone-test";

  private final SparkSession spark;

  private EncryptionSwitch(SparkSession spark, Map<String, String> settings) {
    this.spark = spark;
    settings.forEach(spark.conf()::set);
  }

  /** Registers the test key set once per JVM: the same keys for every switch-on. */
  static synchronized void registerKeys() {
    if (InMemoryKeySets.get(KEY_SET) == null) {
      SecureRandom random = new SecureRandom();
      Map<String, byte[]> keys = new LinkedHashMap<>();
      for (String id : new String[] {"footerKey", "piiKey"}) {
        byte[] k = new byte[16];
        random.nextBytes(k);
        keys.put(id, k);
      }
      InMemoryKeySets.register(KEY_SET, MasterKeys.of(keys));
    }
  }

  static EncryptionSwitch on(SparkSession spark, LoadedConfig loaded) {
    registerKeys();
    return new EncryptionSwitch(
        spark,
        RestrictedZoneEncryption.settings(
            new MasterKeySource(KEY_SET, null, null),
            EncryptionConfig.defaults(),
            loaded.resolve(loaded.config().reportsDir()),
            loaded,
            Map.of()));
  }

  @Override
  public void close() {
    RestrictedZoneEncryption.settingNames().forEach(spark.conf()::unset);
    KeyToolkit.removeCacheEntriesForAllTokens();
  }
}
