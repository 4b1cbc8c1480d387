package fr.breachimpact.sniff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.CanonicalField;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.testing.ConsoleCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sniff's behaviours on small made-up files (the agreement table is
 * SniffTestAgreementWithDeclaredLayouts).
 */
class SniffTest {
  private static final List<String> SECRETS =
      List.of("Zorglubian", "Quintrelle", "zorglub.quintrelle@example.org", "06 12 34 56 78");

  @TempDir Path dir;

  private Path incident() throws IOException {
    return Files.createDirectories(dir.resolve("incidents/new-leak-1"));
  }

  /** 200 rows a person would recognise; the first two rows carry the values no output may show. */
  private static String rows(char d) {
    StringBuilder sb =
        new StringBuilder(
            "nom" + d + "prenom" + d + "tel" + d + "cp" + d + "date_naiss" + d + "courriel\n");
    sb.append("Zorglubian")
        .append(d)
        .append("Quintrelle")
        .append(d)
        .append("06 12 34 56 78")
        .append(d)
        .append("75008")
        .append(d)
        .append("01/02/1980")
        .append(d)
        .append("zorglub.quintrelle@example.org\n");
    for (int i = 0; i < 200; i++) {
      sb.append("Martin")
          .append(i % 7 == 0 ? "ez" : "")
          .append(d)
          .append("Léa")
          .append(d)
          .append("06 1")
          .append(i % 10)
          .append(" 22 33 44")
          .append(d)
          .append("69003")
          .append(d)
          .append(String.format("%02d/03/19%02d", 1 + i % 28, 50 + i % 40))
          .append(d)
          .append("lea")
          .append(i)
          .append("@example.org\n");
    }
    return sb.toString();
  }

  private static int sniff(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "sniff";
    System.arraycopy(args, 0, all, 1, args.length);
    return BreachImpact.execute(all);
  }

  @Test
  void aBinaryFileExitsThreeWithOneLineNamingItAndNoDraft() throws IOException {
    Path file = incident().resolve("dump.csv");
    byte[] garbage = new byte[20_000];
    new Random(1).nextBytes(garbage);
    Files.write(file, garbage);
    ConsoleCapture.Captured<Integer> run = ConsoleCapture.capture(() -> sniff(file.toString()));
    assertEquals(ExitCode.INPUT_PROBLEM, run.value());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("dump.csv") && run.err().contains("binary"), run.err());
    assertFalse(Files.exists(file.resolveSibling("manifest.json")));
  }

  @Test
  void anEmptyFileExitsThreeAndNoOtherFileGetsADraft() throws IOException {
    Path good = incident().resolve("good.csv");
    Files.writeString(good, rows(';'));
    Path empty = Files.writeString(good.resolveSibling("empty.csv"), "");
    ConsoleCapture.Captured<Integer> run =
        ConsoleCapture.capture(() -> sniff(good.toString(), empty.toString()));
    assertEquals(ExitCode.INPUT_PROBLEM, run.value());
    assertTrue(run.err().contains("empty.csv") && run.err().contains("empty"), run.err());
    assertFalse(Files.exists(good.resolveSibling("manifest.json")));
  }

  @Test
  void textNeitherUtf8NorWindows1252DecodesExitsThreeNamingTheFile() throws IOException {
    // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252 and invalid alone in UTF-8.
    byte[] line = {'a', ';', 'b', (byte) 0x81, 'c', ';', (byte) 0x9D, '\n'};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < 100; i++) {
      bytes.writeBytes(line);
    }
    Path file = Files.write(incident().resolve("odd.csv"), bytes.toByteArray());
    ConsoleCapture.Captured<Integer> run = ConsoleCapture.capture(() -> sniff(file.toString()));
    assertEquals(ExitCode.INPUT_PROBLEM, run.value());
    assertTrue(run.err().contains("odd.csv") && run.err().contains("not decodable"), run.err());
    assertFalse(Files.exists(file.resolveSibling("manifest.json")));
  }

  @Test
  void anExistingManifestIsOverwrittenOnlyWithForce() throws IOException {
    Path file = Files.writeString(incident().resolve("clients.csv"), rows(','));
    Path manifest =
        Files.writeString(file.resolveSibling("manifest.json"), "{\"hand\": \"written\"}");
    assertEquals(ExitCode.BAD_CONFIG, ConsoleCapture.capture(() -> sniff(file.toString())).value());
    assertEquals("{\"hand\": \"written\"}", Files.readString(manifest));
    assertEquals(
        ExitCode.OK, ConsoleCapture.capture(() -> sniff(file.toString(), "--force")).value());
    assertTrue(Files.readString(manifest).contains("\"incident_id\" : \"new-leak-1\""));
  }

  @Test
  void theDraftIsRefusedUntilItsPlaceholdersAreFilledAndThenIngestionAcceptsIt()
      throws IOException {
    Path file = Files.writeString(incident().resolve("clients.csv"), rows(';'));
    assertEquals(ExitCode.OK, ConsoleCapture.capture(() -> sniff(file.toString())).value());
    Path manifest = file.resolveSibling("manifest.json");
    Path config =
        Files.writeString(
            dir.resolve("config.json"),
            "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"}");
    ConfigException refused =
        assertThrows(ConfigException.class, () -> IncidentCatalog.load(LoadedConfig.load(config)));
    assertTrue(
        refused.getMessage().contains("manifest.json") && refused.getMessage().contains("dates."),
        refused.getMessage());

    ObjectNode draft = (ObjectNode) Json.mapper().readTree(manifest.toFile());
    ObjectNode dates = (ObjectNode) draft.get("dates");
    dates.put("occurred", "2026-11-30");
    dates.put("became_aware", "2026-12-01T09:00:00+01:00");
    dates.remove("disclosed");
    draft.putNull("claimed_total_affected");
    ConfigException stillRefused =
        assertThrows(
            ConfigException.class,
            () -> IncidentCatalog.load(LoadedConfig.load(write(manifest, draft, config))));
    assertTrue(
        stillRefused.getMessage().contains("circumstances.malicious"), stillRefused.getMessage());
    ((ObjectNode) draft.get("circumstances")).put("malicious", true);
    var incidents = IncidentCatalog.load(LoadedConfig.load(write(manifest, draft, config)));

    var spec = incidents.get(0).manifest().files().get(0);
    assertEquals(";", spec.delimiter());
    assertEquals(
        Map.of(
            "nom",
            "last_name",
            "prenom",
            "first_name",
            "tel",
            "phone",
            "cp",
            "postcode",
            "date_naiss",
            "birth_date",
            "courriel",
            "email"),
        spec.mapping());
    assertEquals(1, IngestPlanner.plan(incidents, IngestConfig.defaults()).size());
  }

  private static Path write(Path manifest, ObjectNode draft, Path config) throws IOException {
    Files.writeString(manifest, Json.mapper().writeValueAsString(draft));
    return config;
  }

  @Test
  void neitherTheConsoleNorTheDraftNorTheReportHoldsAValueOfTheFile() throws IOException {
    Path file = Files.writeString(incident().resolve("clients.csv"), rows('|'));
    ConsoleCapture.Captured<Integer> run = ConsoleCapture.capture(() -> sniff(file.toString()));
    assertEquals(ExitCode.OK, run.value());
    String written =
        Files.readString(file.resolveSibling("manifest.json"))
            + Files.readString(file.resolveSibling("sniff-report.md"));
    for (String secret : SECRETS) {
      assertFalse(run.all().contains(secret), "console shows a value");
      assertFalse(written.contains(secret), "draft or report shows a value");
    }
    assertTrue(
        run.out().contains("valid emails") && run.out().contains("valid phone numbers"), run.out());
  }

  @Test
  void aFirstRowOfUnknownWordsIsNotTakenForAHeaderSoItIsNeverPrintedAsColumnNames()
      throws IOException {
    Path file =
        Files.writeString(
            incident().resolve("noheader.csv"),
            rows(',')
                .lines()
                .skip(1)
                .map(l -> l.replace("Zorglubian", "Zorglubian"))
                .reduce("", (a, b) -> a + b + "\n"));
    ConsoleCapture.Captured<Integer> run = ConsoleCapture.capture(() -> sniff(file.toString()));
    assertEquals(ExitCode.OK, run.value());
    assertFalse(run.all().contains("Zorglubian"));
    String draft = Files.readString(file.resolveSibling("manifest.json"));
    assertTrue(draft.contains("\"header\" : false") && draft.contains("column_1"), draft);
    assertTrue(draft.contains("\"column_6\" : \"email\""), draft);
  }

  @Test
  void invalidUtf8BytesOnMostNonAsciiLinesMakeItWindows1252() {
    byte[] text =
        "nom;prenom\nLefèvre;Hélène\nDurand;Zoé\nMartin;Paul\n"
            .getBytes(Charset.forName("windows-1252"));
    EncodingGuess g = new EncodingSniffer().sniff("f.csv", new Prefix(text, false, true, false));
    assertEquals("windows-1252", g.encoding());
    assertTrue(g.evidence().contains("2 invalid UTF-8"), g.evidence());
  }

  @Test
  void aFewInvalidLinesInAUtf8FileAreBrokenRowsNotAnotherEncoding() {
    byte[] utf8 =
        "nom;prenom\nLefèvre;Hélène\nDurand;Zoé\nGarçon;Noël\n".getBytes(StandardCharsets.UTF_8);
    byte[] broken = "Mañez;Iñigo\n".getBytes(Charset.forName("windows-1252"));
    byte[] all = new byte[utf8.length + broken.length];
    System.arraycopy(utf8, 0, all, 0, utf8.length);
    System.arraycopy(broken, 0, all, utf8.length, broken.length);
    assertEquals(
        "UTF-8",
        new EncodingSniffer().sniff("f.csv", new Prefix(all, false, true, false)).encoding());
  }

  @Test
  void aByteOrderMarkIsHonoured() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ';', 'b', '\n'};
    EncodingGuess g = new EncodingSniffer().sniff("f.csv", new Prefix(bom, false, true, false));
    assertTrue(g.bom() && g.encoding().equals("UTF-8"));
  }

  @Test
  void theDelimiterComesFromManyLinesNotTheFirstAlone() {
    List<String> lines =
        new java.util.ArrayList<>(List.of("nom;prenom;ville", "Dupont, Jean;Jean, Paul;Lyon, 3e"));
    for (int i = 0; i < 50; i++) {
      lines.add("Nom" + i + ";Prenom" + i + ";Ville, " + i);
    }
    Layout layout = new LayoutSniffer().sniff("f.csv", lines);
    assertEquals(";", layout.delimiter());
    assertEquals(List.of("nom", "prenom", "ville"), layout.columns());
  }

  @Test
  void aGzipFileIsReadUpToTheLineLimitOnly() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 5_000; i++) {
        gz.write(("a;b;" + i + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    Path file = Files.write(dir.resolve("big.csv.gz"), bytes.toByteArray());
    Prefix p = new PrefixReader(1 << 20, 1_000).read(file);
    assertTrue(p.gzip() && !p.complete());
    assertEquals(1_000, new String(p.bytes(), StandardCharsets.US_ASCII).lines().count());
  }

  @Test
  void columnNamesInFrenchEnglishAndAbbreviatedMapOntoTheirFields() {
    assertEquals(CanonicalField.PHONE, NameMatcher.field("TEL").orElseThrow());
    assertEquals(CanonicalField.POSTCODE, NameMatcher.field("cp").orElseThrow());
    assertEquals(CanonicalField.LAST_NAME, NameMatcher.field("nom_naissance").orElseThrow());
    assertEquals(CanonicalField.BIRTH_DATE, NameMatcher.field("Date_Naiss.").orElseThrow());
    assertEquals(CanonicalField.BIRTH_DATE, NameMatcher.field("date_of_birth").orElseThrow());
    assertEquals(CanonicalField.FIRST_NAME, NameMatcher.field("Prénom").orElseThrow());
    assertEquals(CanonicalField.EMAIL, NameMatcher.field("e-mail pro").orElseThrow());
    assertTrue(NameMatcher.field("commentaire").isEmpty());
  }

  @Test
  void aNameClaimingANirIsNotTakenWhenTheValuesAreNoNir() {
    ContentProfile sevenDigits = ContentProfile.of(java.util.Collections.nCopies(50, "1804974"));
    ColumnProposal p = new ColumnMapper().one("secu", sevenDigits);
    assertFalse(p.mapped());
    assertTrue(p.evidence().contains("NIR with a valid key"), p.evidence());
  }
}
