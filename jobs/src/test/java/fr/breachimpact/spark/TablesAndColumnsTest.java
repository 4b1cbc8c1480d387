package fr.breachimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.breachimpact.config.Json;
import fr.breachimpact.link.ComparableColumns;
import fr.breachimpact.normalize.RecordNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog of table and column names agrees with the contracts of schemas/ and docs/. */
class TablesAndColumnsTest {
  private static final Path SCHEMAS = Path.of("..", "schemas");

  /** A normalised column's name: a key, a normalised or checked value. */
  private static final Pattern NORMALISED =
      Pattern.compile("\\b[a-z0-9]+(?:_[a-z0-9]+)*_(?:norm|key|valid|e164)\\b");

  /** The contracts of tables and reports: the schema files with a name and columns. */
  private static List<JsonNode> contracts() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode n = Json.mapper().readTree(f.toFile());
        if (n.has("name") && n.has("columns")) {
          out.add(n);
        }
      }
    }
    return out;
  }

  @Test
  void everyContractNamesATableOfTheCatalogInItsZone() throws IOException {
    List<JsonNode> contracts = contracts();
    assertTrue(contracts.size() >= 10, "contracts found: " + contracts.size());
    for (JsonNode c : contracts) {
      String name = c.get("name").asText();
      String path = c.get("path").asText();
      List<String> zone =
          path.startsWith("lake/")
              ? Tables.LAKE
              : path.startsWith("reports/") ? Tables.REPORTS : Tables.NOTIFICATIONS;
      assertTrue(zone.contains(name), name + " (" + path + ") is a table of its zone in Tables");
      assertTrue(path.split("/")[1].equals(name), name + ": path " + path + " names it");
    }
  }

  @Test
  void theCatalogNamesEachTableOnce() {
    List<String> all = new ArrayList<>(Tables.LAKE);
    all.addAll(Tables.REPORTS);
    all.addAll(Tables.NOTIFICATIONS);
    assertEquals(all.size(), new HashSet<>(all).size(), "no name twice: " + all);
  }

  @Test
  void everyNormalisedColumnTheContractsNameIsInTheRegistry() throws IOException {
    Set<String> known = new HashSet<>(Columns.ALL);
    known.addAll(ComparableColumns.NAMES);
    Set<String> unknown = new TreeSet<>();
    List<String> texts = new ArrayList<>();
    for (JsonNode c : contracts()) {
      texts.add(c.toString());
    }
    texts.add(Files.readString(SCHEMAS.resolve("linkage-model.json")));
    for (String text : texts) {
      Matcher m = NORMALISED.matcher(text);
      while (m.find()) {
        if (!known.contains(m.group())) {
          unknown.add(m.group());
        }
      }
    }
    assertEquals(Set.of(), unknown, "normalised columns of schemas/ that Columns does not name");
  }

  @Test
  void theNormaliserWritesEveryRegisteredColumnAndTheDocsDescribeIt() throws IOException {
    String tables = Files.readString(Path.of("..", "docs", "tables.md"));
    for (String column : Columns.ALL) {
      assertTrue(RecordNormalizer.OUTPUT_COLUMNS.contains(column), column + " is written");
      assertTrue(
          Pattern.compile("\\|[^|\\n]*\\b" + column + "\\b[^|\\n]*\\|").matcher(tables).find(),
          column + " is described in docs/tables.md");
    }
  }
}
