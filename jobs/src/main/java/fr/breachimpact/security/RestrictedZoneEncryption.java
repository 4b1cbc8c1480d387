package fr.breachimpact.security;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.EncryptionConfig;
import fr.breachimpact.config.LoadedConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.crypto.keytools.KeyToolkit;

/**
 * The session settings that encrypt the restricted zone, built from the config's {@code encryption}
 * section. They carry names only (key ids, the variable or file that holds the keys), never key
 * material. Checked at start: a run with encryption on and keys missing stops before any write,
 * with one line naming the variable or file. The Delta log stays plaintext: it holds no column
 * value because no lake table keeps per-column statistics, encrypted or not ({@link
 * fr.breachimpact.spark.LakeTables#COLUMN_STATISTICS}).
 */
public final class RestrictedZoneEncryption {
  private RestrictedZoneEncryption() {}

  /** Session settings (Hadoop keys as they are); empty when off. */
  public static Map<String, String> settings(LoadedConfig loaded, Map<String, String> env) {
    EncryptionConfig ec = loaded.config().encryption();
    if (!ec.enabled()) {
      return Map.of();
    }
    String file =
        ec.masterKeysFile() == null || ec.masterKeysFile().isBlank()
            ? null
            : loaded.resolve(ec.masterKeysFile());
    return settings(
        new MasterKeySource(null, ec.masterKeysEnv(), file),
        ec,
        loaded.resolve(loaded.config().reportsDir()),
        loaded,
        env);
  }

  /** The same with another key source: tests pass an in-memory key set. */
  public static Map<String, String> settings(
      MasterKeySource source,
      EncryptionConfig ec,
      String plaintextRoot,
      LoadedConfig loaded,
      Map<String, String> env) {
    MasterKeys keys;
    try {
      keys = source.load(env);
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(where(loaded), "encryption", e.getMessage());
    }
    for (String id : new String[] {ec.footerKey(), ec.columnKey()}) {
      if (!keys.has(id)) {
        throw ConfigException.at(
            where(loaded),
            "encryption",
            "master key '" + id + "' missing from the key set " + keys.ids());
      }
    }
    Map<String, String> s = new LinkedHashMap<>();
    s.put("parquet.crypto.factory.class", RestrictedZoneCryptoFactory.class.getName());
    s.put(KeyToolkit.KMS_CLIENT_CLASS_PROPERTY_NAME, MasterKeyKmsClient.class.getName());
    // Parquet caches KMS clients and wrapped keys per instance and token: one per key source.
    s.put(KeyToolkit.KMS_INSTANCE_ID_PROPERTY_NAME, source.label());
    s.put(KeyToolkit.KEY_ACCESS_TOKEN_PROPERTY_NAME, source.label());
    if (source.memorySet() != null) {
      s.put(MasterKeySource.MEMORY_SET, source.memorySet());
    }
    if (source.envVariable() != null) {
      s.put(MasterKeySource.ENV_VARIABLE, source.envVariable());
    }
    if (source.file() != null) {
      s.put(MasterKeySource.FILE, source.file());
    }
    s.put(RestrictedZoneCryptoFactory.FOOTER_KEY, ec.footerKey());
    s.put(RestrictedZoneCryptoFactory.COLUMN_KEY, ec.columnKey());
    s.put(RestrictedZoneCryptoFactory.PLAINTEXT_FOOTER, String.valueOf(ec.plaintextFooter()));
    s.put(RestrictedZoneCryptoFactory.PLAINTEXT_ROOTS, plaintextRoot);
    return s;
  }

  /** Every setting name this class may set: unset them all to turn encryption off in a session. */
  public static List<String> settingNames() {
    return List.of(
        "parquet.crypto.factory.class",
        KeyToolkit.KMS_CLIENT_CLASS_PROPERTY_NAME,
        KeyToolkit.KMS_INSTANCE_ID_PROPERTY_NAME,
        KeyToolkit.KEY_ACCESS_TOKEN_PROPERTY_NAME,
        MasterKeySource.MEMORY_SET,
        MasterKeySource.ENV_VARIABLE,
        MasterKeySource.FILE,
        RestrictedZoneCryptoFactory.FOOTER_KEY,
        RestrictedZoneCryptoFactory.COLUMN_KEY,
        RestrictedZoneCryptoFactory.PLAINTEXT_FOOTER,
        RestrictedZoneCryptoFactory.PLAINTEXT_ROOTS);
  }

  private static String where(LoadedConfig loaded) {
    return loaded == null ? "config" : loaded.file().toString();
  }
}
