package fr.breachimpact.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.breachimpact.config.JobConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.CsvLineSplitter;
import fr.breachimpact.ingest.Incident;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.InputFiles;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nights benchmark's changes to its inputs, on small files (no Spark). */
class NightChangesTest {
  private static final CsvLineSplitter CSV = new CsvLineSplitter(',', "\"");

  private static final Map<String, String> MAPPING =
      Map.of(
          "id", "customer_id",
          "mail", "email",
          "street", "street",
          "zip", "postcode",
          "town", "city");

  @Test
  void editsOnePercentOfTheCustomersKeepingIdsAndRowCount(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("id,name,mail,street,zip,town\r\n");
    for (int i = 0; i < 1000; i++) {
      // Every fifth street holds the delimiter, quoted as exporters write it.
      String street = i % 5 == 0 ? "\"Bât " + i + ", " + i + " Rue Haute\"" : i + " Rue Basse";
      csv.append(
          String.format("C%04d,Nom%d,n%d@mail.fr,%s,%05d,Ville%d\r\n", i, i, i, street, i, i));
    }
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Files.writeString(a, csv);
    Files.writeString(b, csv);

    assertEquals(10, NightChanges.editCustomers(a, StandardCharsets.UTF_8, ',', true, MAPPING));
    NightChanges.editCustomers(b, StandardCharsets.UTF_8, ',', true, MAPPING);

    String[] before = csv.toString().split("\r\n", -1);
    String[] after = Files.readString(a).split("\r\n", -1);
    assertEquals(before.length, after.length);
    assertEquals(before[0], after[0]);
    int changed = 0;
    for (int i = 1; i < before.length - 1; i++) {
      List<String> was = CSV.split(before[i]);
      List<String> is = CSV.split(after[i]);
      assertEquals(was.size(), is.size());
      assertEquals(was.get(0), is.get(0));
      assertEquals(was.get(1), is.get(1));
      if (!before[i].equals(after[i])) {
        changed++;
        assertNotEquals(was.get(2), is.get(2));
      }
    }
    assertEquals(10, changed);
    // The same seed: the same edits.
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void newIncidentIsTheFirstRowsOfAnEarlierOneAndPassesTheCatalog(@TempDir Path dir)
      throws Exception {
    Path incidents = dir.resolve("incidents");
    Path old = incidents.resolve("shop-2025-01");
    Files.createDirectories(old);
    Charset cp1252 = Charset.forName("windows-1252");
    StringBuilder rows = new StringBuilder("NOM;email\n");
    for (int i = 0; i < NightChanges.NEW_INCIDENT_ROWS + 50; i++) {
      rows.append("Bézier").append(i).append(";b").append(i).append("@mail.fr\n");
    }
    byte[] leaked = rows.toString().getBytes(cp1252);
    Files.write(old.resolve("dump.csv"), leaked);
    Files.writeString(
        old.resolve("manifest.json"),
        """
        {"incident_id": "shop-2025-01", "organisation": "Shop", "brands": ["Shop"],
         "dates": {"became_aware": "2025-01-10T10:00:00+01:00"},
         "files": [{"path": "dump.csv", "delimiter": ";", "encoding": "windows-1252",
                    "mapping": {"NOM": "last_name", "email": "email"}}]}
        """);

    String from =
        NightChanges.newIncident(
            incidents, List.of(), "bench-new-2026-12-01", LocalDate.of(2026, 12, 1));

    assertEquals("shop-2025-01", from);
    byte[] cut = Files.readAllBytes(incidents.resolve("bench-new-2026-12-01/dump.csv"));
    String text = new String(cut, cp1252);
    assertEquals(NightChanges.NEW_INCIDENT_ROWS + 1, text.split("\n").length);
    assertArrayEquals(Arrays.copyOf(leaked, cut.length), cut);
    List<Incident> catalog =
        IncidentCatalog.load(
            new LoadedConfig(
                dir.resolve("config.json"),
                JobConfig.of("incidents", List.of(), "lake", "reports")),
            InputFiles.current());
    assertEquals(
        List.of("bench-new-2026-12-01", "shop-2025-01"),
        catalog.stream().map(Incident::id).sorted().toList());
  }
}
