package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.ConsoleCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer extract that loses more than customers_max_shrink of its rows from one load to the
 * next stops the load (exit 3, one line naming the extract and both counts) and writes nothing: a
 * truncated extract must not silently drop customers from the notification lists.
 */
class CustomerShrinkTest {
  @TempDir Path dir;

  private Path config(String extra) throws IOException {
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"lake_dir\":\"lake\",\"reports_dir\":\"reports\""
            + extra
            + ",\"customers\":["
            + "{\"path\":\"customers/auchan.csv\",\"brand\":\"Auchan\",\"mapping\":{\"id\":\"customer_id\",\"nom\":\"last_name\"}}]}");
    return config;
  }

  private void extract(int customers) throws IOException {
    StringBuilder csv = new StringBuilder("id,nom\n");
    for (int i = 1; i <= customers; i++) {
      csv.append("C").append(i).append(",Nom").append(i).append('\n');
    }
    Files.createDirectories(dir.resolve("customers"));
    Files.writeString(dir.resolve("customers/auchan.csv"), csv, StandardCharsets.UTF_8);
  }

  private ConsoleCapture.Captured<Integer> customers(Path config) {
    TestSpark.session();
    return ConsoleCapture.capture(
        () ->
            BreachImpact.execute(
                "customers", "--config", config.toString(), "--run-date", "2026-11-29"));
  }

  private long loaded() {
    return TestSpark.session()
        .read()
        .format("delta")
        .load(dir.resolve("lake/customers").toString())
        .count();
  }

  @Test
  void aShrinkPastTheShareStopsTheLoadWithExitThreeAndKeepsTheCustomersOneWithinItLoads()
      throws IOException {
    Path config = config("");
    extract(10);
    assertEquals(ExitCode.OK, customers(config).value());
    assertEquals(10, loaded());

    extract(7);
    ConsoleCapture.Captured<Integer> cut = customers(config);

    assertEquals(ExitCode.INPUT_PROBLEM, cut.value(), cut.err());
    List<String> errors = cut.err().lines().filter(l -> l.startsWith("error:")).toList();
    assertEquals(
        List.of(
            "error: customers[0].path customers/auchan.csv: 7 rows, 10 at the previous load: shrank by 30.0 %,"
                + " more than customers_max_shrink=0.2 (a truncated extract? if the drop is real, raise customers_max_shrink for one run)"),
        errors);
    assertEquals(10, loaded(), "nothing written: the customers of the previous load stay");

    extract(8); // exactly 20 % fewer: allowed by the default
    assertEquals(ExitCode.OK, customers(config).value());
    assertEquals(8, loaded());
    extract(4); // half of the last load (not of the first): allowed by a share of 0.6
    assertEquals(ExitCode.OK, customers(config(",\"customers_max_shrink\":0.6")).value());
    assertEquals(4, loaded());
  }

  @Test
  void aShareOutsideZeroToOneIsAConfigErrorNamingTheKey() throws IOException {
    extract(10);
    ConsoleCapture.Captured<Integer> bad = customers(config(",\"customers_max_shrink\":1.5"));
    assertEquals(ExitCode.BAD_CONFIG, bad.value());
    assertTrue(
        bad.err().contains("config.json: customers_max_shrink: must be within 0..1"), bad.err());
  }

  @Test
  void aNewExtractOrOneThatWasEmptyIsNeverStopped() {
    CustomerExtractCounts.requireNoShrink(
        List.of(
            new CustomerExtractCounts.Extract(0, "new.csv", 1),
            new CustomerExtractCounts.Extract(1, "was-empty.csv", 0)),
        Map.of("was-empty.csv", 0L),
        0.2);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                CustomerExtractCounts.requireNoShrink(
                    List.of(new CustomerExtractCounts.Extract(1, "b.csv", 0)),
                    Map.of("b.csv", 3L),
                    0.2));
    assertTrue(
        e.getMessage().startsWith("customers[1].path b.csv: 0 rows, 3 at the previous load"),
        e.getMessage());
  }
}
