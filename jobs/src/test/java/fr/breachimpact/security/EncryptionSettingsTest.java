package fr.breachimpact.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.LoadedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encryption section, the key list and the per-file decision, without Spark. */
class EncryptionSettingsTest {
  @TempDir Path dir;

  private static String key(int bytes, int fill) {
    byte[] k = new byte[bytes];
    java.util.Arrays.fill(k, (byte) fill);
    return Base64.getEncoder().encodeToString(k);
  }

  private LoadedConfig config(String encryption) throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file, "{\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"" + encryption + "}");
    return LoadedConfig.load(file);
  }

  @Test
  void encryptionIsOffByDefaultAndAddsNoSetting() throws IOException {
    LoadedConfig c = config("");
    assertFalse(c.config().encryption().enabled());
    assertEquals(Map.of(), RestrictedZoneEncryption.settings(c, Map.of()));
  }

  @Test
  void anUnknownKeyOfTheEncryptionSectionIsAnError() {
    assertThrows(
        ConfigException.class,
        () -> config(",\"encryption\":{\"enabled\":true,\"master_key\":\"x\"}"));
  }

  @Test
  void keysFromTheEnvironmentGiveSettingsThatNameButNeverHoldThem() throws IOException {
    String footer = key(16, 1);
    String pii = key(32, 2);
    LoadedConfig c = config(",\"encryption\":{\"enabled\":true,\"master_keys_env\":\"TEST_KEYS\"}");
    Map<String, String> s =
        RestrictedZoneEncryption.settings(
            c, Map.of("TEST_KEYS", "footerKey:" + footer + ", piiKey:" + pii));
    assertEquals(
        RestrictedZoneCryptoFactory.class.getName(), s.get("parquet.crypto.factory.class"));
    assertEquals("TEST_KEYS", s.get(MasterKeySource.ENV_VARIABLE));
    assertTrue(s.get(RestrictedZoneCryptoFactory.PLAINTEXT_ROOTS).endsWith("/reports"));
    assertFalse(
        s.values().stream().anyMatch(v -> v.contains(footer) || v.contains(pii)),
        "a setting holds a key");
  }

  @Test
  void keysFromAFileNamedInTheConfig() throws IOException {
    Files.writeString(
        dir.resolve("keys.txt"),
        "# run-time keys\nfooterKey:" + key(16, 3) + "\npiiKey:" + key(24, 4) + "\n");
    LoadedConfig c =
        config(
            ",\"encryption\":{\"enabled\":true,\"master_keys_env\":\"UNSET_VAR\",\"master_keys_file\":\"keys.txt\"}");
    Map<String, String> s = RestrictedZoneEncryption.settings(c, Map.of());
    assertEquals(dir.resolve("keys.txt").toString(), s.get(MasterKeySource.FILE));
  }

  @Test
  void missingOrBadKeysStopTheRunWithOneLineThatShowsNoKey() throws IOException {
    LoadedConfig c = config(",\"encryption\":{\"enabled\":true}");
    ConfigException none =
        assertThrows(ConfigException.class, () -> RestrictedZoneEncryption.settings(c, Map.of()));
    assertTrue(none.getMessage().contains("BREACH_IMPACT_MASTER_KEYS"));
    String shortKey = key(10, 5);
    ConfigException bad =
        assertThrows(
            ConfigException.class,
            () ->
                RestrictedZoneEncryption.settings(
                    c,
                    Map.of(
                        "BREACH_IMPACT_MASTER_KEYS",
                        "footerKey:" + shortKey + ",piiKey:" + key(16, 6))));
    assertTrue(bad.getMessage().contains("'footerKey' has 10 bytes"));
    assertFalse(bad.getMessage().contains(shortKey));
    assertFalse(bad.getMessage().contains("\n"));
    assertThrows(
        ConfigException.class,
        () ->
            RestrictedZoneEncryption.settings(
                c, Map.of("BREACH_IMPACT_MASTER_KEYS", "footerKey:" + key(16, 7))));
    assertFalse(MasterKeys.parse("footerKey:" + key(16, 8), "t").toString().contains(key(16, 8)));
  }

  @Test
  void lakeFilesAreEncryptedReportsAndDeltaLogsAreNot() {
    Configuration conf = new Configuration(false);
    conf.set(RestrictedZoneCryptoFactory.PLAINTEXT_ROOTS, "/data/reports");
    assertTrue(
        RestrictedZoneCryptoFactory.encrypts(
            conf, new org.apache.hadoop.fs.Path("file:/data/lake/leaked_records/part-0.parquet")));
    assertTrue(
        RestrictedZoneCryptoFactory.encrypts(
            conf, new org.apache.hadoop.fs.Path("file:/data/reports2/x.parquet")));
    assertFalse(
        RestrictedZoneCryptoFactory.encrypts(
            conf,
            new org.apache.hadoop.fs.Path(
                "file:/data/reports/customer_risk/_tmp_report_date=2026-11-29/part-0.parquet")));
    assertFalse(
        RestrictedZoneCryptoFactory.encrypts(
            conf,
            new org.apache.hadoop.fs.Path(
                "file:/data/lake/persons/_delta_log/00000000000000000010.checkpoint.parquet")));
  }
}
