package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.spark.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {
  private static final byte[] KEY_A = "test-key-aaaaaaaaaaaaaaaa".getBytes(StandardCharsets.UTF_8);
  private static final byte[] KEY_B = "test-key-bbbbbbbbbbbbbbbb".getBytes(StandardCharsets.UTF_8);

  @Test
  void sameKeyAndIdGiveTheSamePseudonym() {
    assertEquals(
        new Pseudonymizer(KEY_A).pseudonym("person", "P42"),
        new Pseudonymizer(KEY_A).pseudonym("person", "P42"));
    assertEquals(24, new Pseudonymizer(KEY_A).pseudonym("person", "P42").length());
  }

  @Test
  void anotherKeyGivesAnotherPseudonym() {
    assertNotEquals(
        new Pseudonymizer(KEY_A).pseudonym("person", "P42"),
        new Pseudonymizer(KEY_B).pseudonym("person", "P42"));
  }

  @Test
  void domainsAndIdsAreKeptApart() {
    Pseudonymizer p = new Pseudonymizer(KEY_A);
    assertNotEquals(p.pseudonym("person", "42"), p.pseudonym("customer", "42"));
    assertNotEquals(p.pseudonym("person", "42"), p.pseudonym("person", "43"));
  }

  @Test
  void isRealHmacSha256() throws Exception {
    // The same digest computed directly with javax.crypto: a keyed HMAC, not a plain hash.
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(KEY_A, "HmacSHA256"));
    String expected =
        java.util.HexFormat.of()
            .formatHex(mac.doFinal("person:P1".getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected.substring(0, 24), new Pseudonymizer(KEY_A).pseudonym("person", "P1"));
  }

  @Test
  void sparkColumnMatchesTheJavaFunction() {
    Pseudonymizer p = new Pseudonymizer(KEY_A);
    List<Row> rows =
        TestSpark.session()
            .createDataset(List.of("P1", "P2", "P3"), Encoders.STRING())
            .toDF("id")
            .repartition(2)
            .select(
                org.apache.spark.sql.functions.col("id"),
                p.person(org.apache.spark.sql.functions.col("id")).as("ps"))
            .collectAsList();
    assertEquals(3, rows.size());
    for (Row r : rows) {
      assertEquals(p.pseudonym("person", r.getString(0)), r.getString(1));
    }
  }

  @Test
  void keyComesFromTheEnvironmentFirstThenTheFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("key.txt"), "file-key-0123456789abcdef\n");
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"lake_dir\":\"lake\",\"reports_dir\":\"reports\",\"report\":{\"pseudonym_key_file\":\"key.txt\"}}");
    LoadedConfig loaded = LoadedConfig.load(config);
    assertArrayEquals(
        "file-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
        PseudonymKey.load(loaded, Map.of()));
    assertArrayEquals(
        KEY_A,
        PseudonymKey.load(
            loaded,
            Map.of("BREACH_IMPACT_PSEUDONYM_KEY", new String(KEY_A, StandardCharsets.UTF_8))));
  }

  @Test
  void noKeyIsAConfigErrorWithAClearLine(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"}");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> PseudonymKey.load(LoadedConfig.load(config), Map.of()));
    assertEquals(
        "no pseudonym key: set BREACH_IMPACT_PSEUDONYM_KEY or report.pseudonym_key_file",
        e.getMessage());
  }

  @Test
  void shortKeyIsRefused(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"}");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                PseudonymKey.load(
                    LoadedConfig.load(config), Map.of("BREACH_IMPACT_PSEUDONYM_KEY", "short")));
    assertTrue(e.getMessage().contains("too short"));
    assertTrue(!e.getMessage().contains("short\""), "the key itself is not printed");
  }
}
