package fr.breachimpact.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IngestConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FileRowReaderTest {
  private static final Map<String, String> MAPPING =
      Map.of("nom", "last_name", "prenom", "first_name", "email", "email");
  private static final List<String> HEADER = List.of("nom", "prenom", "email");

  private static FileSpec csv(String delimiter, String encoding) {
    return new FileSpec(
        "f.csv", "csv", delimiter, true, null, null, encoding, null, MAPPING, Map.of(), null);
  }

  private static List<RowOutcome> read(byte[] bytes, FileSpec spec) {
    return read(bytes, spec, HEADER, IngestConfig.defaults());
  }

  private static List<RowOutcome> read(
      byte[] bytes, FileSpec spec, List<String> header, IngestConfig config) {
    List<RowOutcome> out = new ArrayList<>();
    new FileRowReader(new ByteArrayInputStream(bytes), spec, header, config)
        .forEachRemaining(out::add);
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String value(RowOutcome o, CanonicalField f) {
    return o.values()[f.ordinal()];
  }

  @Test
  void acceptedRowsCarryCanonicalValuesAndTheirPhysicalLineNumber() {
    List<RowOutcome> rows =
        read(
            utf8("nom;prenom;email\nDupont;Jean;j@x.fr\n\nMartin;Léa;l@y.fr\n"), csv(";", "UTF-8"));
    assertEquals(2, rows.size());
    assertEquals(2, rows.get(0).lineNumber());
    assertEquals(4, rows.get(1).lineNumber(), "blank line 3 is no row but still counts as a line");
    assertEquals("Léa", value(rows.get(1), CanonicalField.FIRST_NAME));
  }

  @Test
  void unmappedColumnsAreKeptInExtraWithTheirDeclaredCategory() {
    FileSpec spec =
        new FileSpec(
            "f.csv",
            "csv",
            ",",
            true,
            null,
            null,
            "UTF-8",
            null,
            Map.of("nom", "last_name"),
            Map.of("commentaire", "FINANCIAL"));
    List<RowOutcome> rows =
        read(
            utf8("nom,commentaire\nDupont,rib joint\n"),
            spec,
            List.of("nom", "commentaire"),
            IngestConfig.defaults());
    assertEquals(Map.of("commentaire", "rib joint"), rows.get(0).extra());
    assertEquals(Map.of("commentaire", "FINANCIAL"), rows.get(0).extraCategories());
  }

  @Test
  void crlfAndLoneCrEndLinesLikeLf() {
    List<RowOutcome> rows =
        read(utf8("nom,prenom,email\r\nA,B,c@d.fr\rE,F,g@h.fr\r\n"), csv(",", "UTF-8"));
    assertEquals(List.of(2L, 3L), rows.stream().map(RowOutcome::lineNumber).toList());
  }

  @Test
  void utf8ByteOrderMarkIsDropped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = utf8("nom,prenom,email\nA,B,c\n");
    byte[] all = Arrays.copyOf(bom, bom.length + body.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    List<RowOutcome> rows = read(all, csv(",", "UTF-8"));
    assertTrue(rows.get(0).isAccepted());
  }

  @Test
  void windows1252AccentsDecode() {
    byte[] bytes =
        "nom;prenom;email\nLefèvre;Hélène;h@x.fr\n".getBytes(Charset.forName("windows-1252"));
    RowOutcome row = read(bytes, csv(";", "windows-1252")).get(0);
    assertEquals("Hélène", value(row, CanonicalField.FIRST_NAME));
  }

  @Test
  void aWindows1252ByteInAUtf8FileIsInvalidEncoding() {
    byte[] good = utf8("nom,prenom,email\nA,B,c\n");
    byte[] bad = "Lefèvre,X,y\n".getBytes(Charset.forName("windows-1252"));
    byte[] all = Arrays.copyOf(good, good.length + bad.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    List<RowOutcome> rows = read(all, csv(",", "UTF-8"));
    assertEquals(QuarantineReason.INVALID_ENCODING, rows.get(1).reason());
    assertEquals(3, rows.get(1).lineNumber());
  }

  @Test
  void eachMalformedCsvRowIsQuarantinedWithItsReason() {
    String text =
        "nom,prenom,email\n"
            + "Dupont,Jean\n" // truncated
            + "Martin,Paul,p@x.fr,extra,more\n" // extra fields
            + "\"Durand,Luc,l@x.fr\n" // a quote never closed
            + "Nul\u0000l,A,b\n" // a NUL byte
            + ",,\n" // nothing
            + "Petit,Anne,a@x.fr\n";
    List<RowOutcome> rows = read(utf8(text), csv(",", "UTF-8"));
    assertEquals(
        List.of(
            QuarantineReason.TOO_FEW_FIELDS,
            QuarantineReason.TOO_MANY_FIELDS,
            QuarantineReason.UNBALANCED_QUOTE,
            QuarantineReason.CONTROL_CHARACTER,
            QuarantineReason.EMPTY_RECORD),
        rows.subList(0, 5).stream().map(RowOutcome::reason).toList());
    assertTrue(rows.get(5).isAccepted());
    assertEquals(7, rows.get(5).lineNumber());
  }

  @Test
  void aTrailingEmptyFieldIsNoExtraField() {
    assertTrue(read(utf8("nom,prenom,email\nA,B,c,\n"), csv(",", "UTF-8")).get(0).isAccepted());
  }

  @Test
  void aQuotedLineBreakJoinsTheNextLineIntoOneRecordWhenTheManifestAllowsIt() {
    FileSpec multiline =
        new FileSpec("f.csv", "csv", ",", true, null, null, "UTF-8", null, MAPPING, Map.of(), true);
    List<RowOutcome> rows =
        read(utf8("nom,prenom,email\n\"Du\npont\",Jean,j@x.fr\nMartin,Paul,p@x.fr\n"), multiline);
    assertEquals(2, rows.size());
    assertEquals("Du\npont", value(rows.get(0), CanonicalField.LAST_NAME));
    assertEquals(2, rows.get(0).lineNumber());
    assertEquals(4, rows.get(1).lineNumber());
  }

  @Test
  void withoutMultilineAnUnclosedQuoteInTheLastFieldNeverSwallowsTheNextRows() {
    String text =
        "nom,prenom,email\nDupont,Jean,\"j@x.fr\nMartin,Paul,p@x.fr\nPetit,Anne,\"a@x.fr\n";
    List<RowOutcome> rows = read(utf8(text), csv(",", "UTF-8"));
    assertEquals(
        Arrays.asList(QuarantineReason.UNBALANCED_QUOTE, null, QuarantineReason.UNBALANCED_QUOTE),
        rows.stream().map(RowOutcome::reason).toList());
  }

  @Test
  void aLineOfDelimitersOnlyIsAnEmptyRecordNotABlankLine() {
    FileSpec tsv =
        new FileSpec(
            "f.tsv", "csv", "\t", true, null, null, "UTF-8", null, MAPPING, Map.of(), null);
    assertEquals(
        QuarantineReason.EMPTY_RECORD,
        read(utf8("nom\tprenom\temail\n\t\t\n"), tsv).get(0).reason());
  }

  @Test
  void quotedFieldsKeepDelimitersAndDoubledQuotes() {
    RowOutcome row =
        read(
                utf8("nom,prenom,email\n\"Le Gall, dit \"\"Yann\"\"\",Jean,j@x.fr\n"),
                csv(",", "UTF-8"))
            .get(0);
    assertEquals("Le Gall, dit \"Yann\"", value(row, CanonicalField.LAST_NAME));
  }

  @Test
  void aLineOverTheLimitIsQuarantinedWithoutHoldingItWhole() {
    String longLine = "A,B," + "x".repeat(5_000);
    List<RowOutcome> rows =
        read(
            utf8("nom,prenom,email\n" + longLine + "\nC,D,e\n"),
            csv(",", "UTF-8"),
            HEADER,
            new IngestConfig(1_000, 100));
    assertEquals(QuarantineReason.LINE_TOO_LONG, rows.get(0).reason());
    assertTrue(rows.get(1).isAccepted());
  }

  @Test
  void jsonLinesFlattenNestedKeysAndQuarantineBrokenObjects() {
    FileSpec spec =
        new FileSpec(
            "f.jsonl",
            "jsonl",
            null,
            false,
            null,
            null,
            "UTF-8",
            null,
            Map.of("nom", "last_name", "adresse.ville", "city"),
            Map.of());
    String text =
        "{\"nom\":\"Dupont\",\"adresse\":{\"ville\":\"Lille\"},\"age\":42}\n"
            + "{\"nom\":\"Martin\"\n"
            + "[1,2]\n"
            + "{\"nom\":null}\n";
    List<RowOutcome> rows = read(utf8(text), spec, List.of(), IngestConfig.defaults());
    assertEquals("Lille", value(rows.get(0), CanonicalField.CITY));
    assertEquals(Map.of("age", "42"), rows.get(0).extra());
    assertEquals(QuarantineReason.MALFORMED_JSON, rows.get(1).reason());
    assertEquals(QuarantineReason.NOT_A_JSON_OBJECT, rows.get(2).reason());
    assertEquals(QuarantineReason.EMPTY_RECORD, rows.get(3).reason());
  }

  @Test
  void deeplyNestedJsonIsQuarantinedNotACrash() {
    FileSpec spec =
        new FileSpec(
            "f.jsonl",
            "jsonl",
            null,
            false,
            null,
            null,
            "UTF-8",
            null,
            Map.of("nom", "last_name"),
            Map.of(),
            null);
    String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    List<RowOutcome> rows =
        read(utf8(deep + "\n{\"nom\":\"X\"}\n"), spec, List.of(), IngestConfig.defaults());
    assertEquals(QuarantineReason.MALFORMED_JSON, rows.get(0).reason());
    assertTrue(rows.get(1).isAccepted());
  }

  @Test
  void aGzipCutInTheMiddleKeepsTheRowsBeforeAndQuarantinesThePartialOne() throws IOException {
    StringBuilder sb = new StringBuilder("nom,prenom,email\n");
    for (int i = 0; i < 2_000; i++) {
      sb.append("Nom")
          .append(i)
          .append(",Prenom")
          .append(i)
          .append(",e")
          .append(i)
          .append("@x.fr\n");
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(utf8(sb.toString()));
    }
    byte[] cut = Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2);
    List<RowOutcome> rows = new ArrayList<>();
    FileRowReader reader =
        new FileRowReader(
            new GZIPInputStream(new ByteArrayInputStream(cut)),
            csv(",", "UTF-8"),
            HEADER,
            IngestConfig.defaults());
    reader.forEachRemaining(rows::add);
    assertTrue(reader.streamBroken());
    assertTrue(rows.size() > 100 && rows.size() < 2_000, "rows before the cut are read");
    RowOutcome last = rows.get(rows.size() - 1);
    assertTrue(last.reason() == QuarantineReason.TRUNCATED_FILE || last.isAccepted());
    assertTrue(rows.subList(0, rows.size() - 1).stream().allMatch(RowOutcome::isAccepted));
  }

  @Test
  void aHeaderOnlyFileHasNoRows() {
    assertEquals(0, read(utf8("nom,prenom,email\n"), csv(",", "UTF-8")).size());
  }

  @Test
  void quarantineKeepsTheRawTextButNoValues() {
    RowOutcome row = read(utf8("nom,prenom,email\nDupont\n"), csv(",", "UTF-8")).get(0);
    assertEquals("Dupont", row.rawText());
    assertNull(row.values());
  }
}
