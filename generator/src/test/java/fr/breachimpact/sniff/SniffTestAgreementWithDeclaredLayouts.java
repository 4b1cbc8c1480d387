package fr.breachimpact.sniff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.config.Json;
import fr.breachimpact.generate.SampleDataGenerator;
import fr.breachimpact.ingest.HostileCases;
import fr.breachimpact.ingest.IncidentCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27's measure: sniff's proposal against the layout declared for every demo incident file
 * (generated, seed 42, scale 1), the FEBRL benchmark files and the hostile files of
 * HostileInputTest. Prints the table and checks it is the one in docs/sniff.md.
 */
class SniffTestAgreementWithDeclaredLayouts {
  private static final Path DOC = Path.of("..", "docs", "sniff.md");
  private static final String BEGIN =
      "<!-- agreement table: SniffTestAgreementWithDeclaredLayouts -->";
  private static final String END = "<!-- end of agreement table -->";

  /** Hostile files sniff must refuse (exit 3): no text to propose a layout for. */
  private static final Set<String> REFUSED =
      Set.of("binary garbage after the header", "empty file");

  /**
   * The one layout disagreement, on purpose: ten ASCII rows and one Windows-1252 row declared UTF-8
   * so that HostileInputTest sees that row quarantined. The only non-ASCII evidence is invalid
   * UTF-8 and valid Windows-1252, which is what sniff proposes: it reads every row.
   */
  private static final Set<String> ENCODING_DISAGREES = Set.of("mixed encodings in one file");

  @TempDir Path dir;

  @Test
  void proposalsAgreeWithTheDeclaredLayoutsAndTheTableInDocsIsTheMeasuredOne() throws IOException {
    List<SniffAgreement> rows = new ArrayList<>();
    rows.addAll(demo());
    rows.addAll(febrl());
    rows.addAll(hostile());
    List<String> table = new ArrayList<>();
    table.add(
        "| source | file | encoding | delimiter | header | format | columns agreeing | other category |");
    table.add("| --- | --- | --- | --- | --- | --- | --- | --- |");
    rows.forEach(r -> table.add(r.markdown()));
    long columns = rows.stream().mapToLong(SniffAgreement::columns).sum();
    long agreeing = rows.stream().mapToLong(SniffAgreement::columnsAgreeing).sum();
    long cross = rows.stream().mapToLong(SniffAgreement::crossCategory).sum();
    long files = rows.stream().filter(r -> r.refusal() == null).count();
    long layoutsAgreeing = rows.stream().filter(SniffAgreement::layoutAgrees).count();
    table.add(
        String.format(
            "| all | %d files proposed, %d refused | %d of %d files agree on encoding, delimiter, header and format | | | | %d / %d (%.1f %%) | %d |",
            files,
            rows.size() - files,
            layoutsAgreeing,
            files,
            agreeing,
            columns,
            100.0 * agreeing / columns,
            cross));
    table.forEach(System.out::println);
    rows.stream()
        .filter(r -> !r.disagreements().isEmpty())
        .forEach(
            r ->
                System.out.println(
                    r.file() + " disagreements (column names only): " + r.disagreements()));

    for (SniffAgreement r : rows) {
      if (REFUSED.contains(r.file())) {
        assertTrue(r.refusal() != null, r.file() + " should be refused");
        continue;
      }
      assertTrue(r.refusal() == null, r.file() + " refused: " + r.refusal());
      assertTrue(r.delimiter() && r.header() && r.format(), r.file() + ": " + r.markdown());
      assertEquals(
          !ENCODING_DISAGREES.contains(r.file()), r.encoding(), r.file() + ": " + r.markdown());
    }
    assertTrue(agreeing >= 0.95 * columns, agreeing + " of " + columns + " columns agree");
    assertEquals(0, cross, "columns mapped onto a field of another category");
    assertEquals(
        String.join("\n", table),
        documented(),
        "docs/sniff.md's table is not the measured one: paste the printed table there");
  }

  private static String documented() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int from = doc.indexOf(BEGIN);
    int to = doc.indexOf(END);
    return from < 0 || to < 0 ? "" : doc.substring(from + BEGIN.length(), to).strip();
  }

  private List<SniffAgreement> demo() throws IOException {
    Path out = dir.resolve("demo");
    SampleDataGenerator.generate(out, 42, 1.0);
    List<SniffAgreement> rows = new ArrayList<>();
    List<Path> manifests;
    try (Stream<Path> s = Files.list(out.resolve("incidents"))) {
      manifests =
          s.map(p -> p.resolve("manifest.json")).filter(Files::isRegularFile).sorted().toList();
    }
    for (Path m : manifests) {
      IncidentManifest manifest = Json.read(m, IncidentManifest.class);
      // The generated manifests are the committed examples: the same declared layouts.
      assertEquals(
          Json.mapper()
              .readTree(
                  Path.of("..", "examples", "incidents", manifest.incidentId(), "manifest.json")
                      .toFile()),
          Json.mapper().readTree(m.toFile()),
          m + " differs from examples/incidents");
      for (FileSpec f : manifest.files()) {
        Path file = IncidentCatalog.resolveInside(m, "files", f.path());
        List<String> columns = f.header() ? headerOf(file, f) : f.columns();
        rows.add(SniffAgreement.of("demo " + manifest.incidentId(), f.path(), file, f, columns));
      }
    }
    return rows;
  }

  /**
   * The declared header as ingestion reads it: the first line split with the declared delimiter and
   * quote.
   */
  private static List<String> headerOf(Path file, FileSpec f) {
    String first = TextLines.decode(PrefixReader.defaults().read(file), f.encoding()).get(0);
    char d = f.delimiter().equals("\\t") ? '\t' : f.delimiter().charAt(0);
    return LayoutSniffer.unique(
        new fr.breachimpact.ingest.CsvLineSplitter(d, f.quote()).split(first));
  }

  private List<SniffAgreement> febrl() throws IOException {
    JsonNode declared =
        Json.mapper().readTree(getClass().getResourceAsStream("/sniff/febrl-declared-layout.json"));
    Map<String, String> mapping = new LinkedHashMap<>();
    declared
        .get("mapping")
        .fields()
        .forEachRemaining(e -> mapping.put(e.getKey(), e.getValue().asText()));
    Map<String, String> categories = new LinkedHashMap<>();
    declared
        .get("categories")
        .fields()
        .forEachRemaining(e -> categories.put(e.getKey(), e.getValue().asText()));
    List<SniffAgreement> rows = new ArrayList<>();
    for (String name : List.of("dataset3.csv", "dataset4a.csv", "dataset4b.csv")) {
      Path file = dir.resolve(name);
      try (var in = getClass().getResourceAsStream("/febrl/" + name)) {
        Files.copy(in, file);
      }
      FileSpec spec =
          new FileSpec(name, "csv", ",", true, null, "\"", "UTF-8", "none", mapping, categories);
      rows.add(SniffAgreement.of("FEBRL", name, file, spec, headerOf(file, spec)));
    }
    return rows;
  }

  private List<SniffAgreement> hostile() throws IOException {
    List<SniffAgreement> rows = new ArrayList<>();
    int i = 0;
    for (HostileCases.Case c : HostileCases.all()) {
      Path file =
          dir.resolve(
              "hostile-"
                  + (i++)
                  + (c.gzip() ? ".csv.gz" : c.declared().isJsonLines() ? ".jsonl" : ".csv"));
      Files.write(file, c.bytes());
      rows.add(
          SniffAgreement.of(
              "hostile",
              c.name(),
              file,
              c.declared(),
              c.declared().isJsonLines() ? List.of() : HostileCases.CSV_HEADER));
    }
    return rows;
  }
}
