package fr.breachimpact.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed notebooks, read as JSON (no Jupyter here): nbformat 4 with a Python kernel, views
 * registered as the tests register them, only existing query files run, only column names that the
 * contracts of schemas/ or the queries' results have, and saved outputs without identifiers.
 *
 * <p>What counts as naming a column: in code, a quoted name in a subscript ({@code df["se"]},
 * {@code df[["a", "b"]]}) or in the column arguments of pandas ({@code x=}, {@code y=}, {@code
 * index=}, {@code columns=}, {@code values=}, {@code by=}, {@code groupby(...)}); in markdown and
 * in the README, every back-quoted lower-case word ({@code `persons_verified`}).
 */
class NotebooksTest {
  static final Path DIR = Path.of("..", "notebooks");
  static final List<String> NOTEBOOKS =
      List.of(
          "01_exposure_overview", "02_mulliez_group", "03_notification", "04_incident_in_depth");
  private static final ReportContracts CONTRACTS = ReportContracts.fromRepository();
  private static final List<QueryFile> QUERIES = QueryFile.loadAll(QueryFile.directory());

  private static final Pattern RUN_QUERY =
      Pattern.compile("run_query\\(\\s*[\"']([^\"']+)[\"']\\s*\\)");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']*)[\"']");
  private static final List<Pattern> COLUMN_PLACES =
      List.of(
          Pattern.compile("\\[\\s*([\"'][^\"'\\[\\]]*[\"'])\\s*\\]"),
          Pattern.compile("\\[\\[([^\\]]*)\\]\\]"),
          Pattern.compile(
              "\\b(?:x|y|index|columns|values|by)\\s*=\\s*(\\[[^\\]]*\\]|\"[^\"]*\"|'[^']*')"),
          Pattern.compile(
              "\\.(?:groupby|sort_values|set_index|pivot|drop)\\(\\s*(\\[[^\\]]*\\]|\"[^\"]*\"|'[^']*')"));
  private static final Pattern BACK_QUOTED = Pattern.compile("`([^`]+)`");
  private static final Pattern REPORT_PARTITIONS =
      Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\\[([^\\]]*)\\]");
  private static final List<Pattern> IDENTIFIER_LIKE =
      List.of(
          Pattern.compile("@"),
          Pattern.compile("\\b[0-9a-f]{24}\\b"),
          Pattern.compile("\\+33"),
          Pattern.compile("\\b0[1-9](?:[ .]?\\d{2}){4}\\b"),
          Pattern.compile("\\b[12]\\d{12}(?:\\d{2})?\\b"),
          Pattern.compile("\\bFR\\d{2}[ 0-9A-Z]{10,}"));

  record Notebook(String name, JsonNode json) {
    List<String> sources(String cellType) {
      List<String> out = new ArrayList<>();
      for (JsonNode cell : json.get("cells")) {
        if (cell.get("cell_type").asText().equals(cellType)) {
          out.add(text(cell.get("source")));
        }
      }
      return out;
    }

    String outputs() {
      StringBuilder out = new StringBuilder();
      for (JsonNode cell : json.get("cells")) {
        for (JsonNode o : cell.path("outputs")) {
          out.append(text(o.path("text")))
              .append(text(o.path("data").path("text/plain")))
              .append('\n');
        }
      }
      return out.toString();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static String text(JsonNode node) {
    if (node.isArray()) {
      StringBuilder s = new StringBuilder();
      node.forEach(line -> s.append(line.asText()));
      return s.toString();
    }
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  static List<Notebook> notebooks() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Notebook> out = new ArrayList<>();
    for (String name : NOTEBOOKS) {
      out.add(new Notebook(name, mapper.readTree(DIR.resolve(name + ".ipynb").toFile())));
    }
    return out;
  }

  /**
   * Names a notebook may quote: reports, their contract columns, query files and the columns they
   * return.
   */
  static Set<String> knownNames() {
    Set<String> known = new TreeSet<>();
    for (ReportContracts.Contract c : CONTRACTS.all()) {
      known.add(c.name());
      c.columns().forEach(col -> known.add(col.name()));
    }
    for (QueryFile q : QUERIES) {
      known.add(q.name());
      known.addAll(q.returns());
    }
    return known;
  }

  static Set<String> queriesRun(Notebook nb) {
    Set<String> names = new TreeSet<>();
    for (String code : nb.sources("code")) {
      Matcher m = RUN_QUERY.matcher(code);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  static Set<String> columnsNamedInCode(String code) {
    Set<String> names = new TreeSet<>();
    for (Pattern place : COLUMN_PLACES) {
      Matcher m = place.matcher(code);
      while (m.find()) {
        Matcher q = QUOTED.matcher(m.group(1));
        while (q.find()) {
          if (NAME.matcher(q.group(1)).matches()) {
            names.add(q.group(1));
          }
        }
      }
    }
    return names;
  }

  static Set<String> namesBackQuoted(String markdown) {
    Set<String> names = new TreeSet<>();
    Matcher m = BACK_QUOTED.matcher(markdown);
    while (m.find()) {
      if (NAME.matcher(m.group(1)).matches()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  @Test
  void theFourNotebooksOfTheIssueAreThereAndNoOther() throws IOException {
    try (var files = Files.list(DIR)) {
      List<String> found =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith(".ipynb"))
              .map(f -> f.replaceFirst("\\.ipynb$", ""))
              .sorted()
              .toList();
      assertEquals(NOTEBOOKS, found);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void isAnNbformat4NotebookWithAPythonKernel(Notebook nb) {
    assertEquals(4, nb.json().get("nbformat").asInt(), nb.name());
    assertEquals(
        "python", nb.json().at("/metadata/kernelspec/language").asText(), nb.name() + " kernel");
    assertTrue(nb.json().get("cells").size() > 3, nb.name() + " has cells");
    for (JsonNode cell : nb.json().get("cells")) {
      String type = cell.get("cell_type").asText();
      assertTrue(type.equals("markdown") || type.equals("code"), nb.name() + ": cell type " + type);
      assertTrue(
          cell.has("source") && cell.has("metadata"),
          nb.name() + ": cell without source or metadata");
      if (type.equals("code")) {
        assertTrue(
            cell.get("outputs").isArray() && cell.has("execution_count"),
            nb.name() + ": code cell fields");
      }
    }
    assertTrue(nb.sources("markdown").get(0).startsWith("# "), nb.name() + " opens with a title");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void runsOnlyQueryFilesThatExist(Notebook nb) {
    Set<String> run = queriesRun(nb);
    assertFalse(run.isEmpty(), nb.name() + " runs no query file");
    Set<String> existing = QUERIES.stream().map(QueryFile::name).collect(Collectors.toSet());
    assertEquals(
        Set.of(),
        run.stream().filter(q -> !existing.contains(q)).collect(Collectors.toSet()),
        nb.name() + ": query files that notebooks/queries/ does not have");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void registersOneViewPerReportWithThePartitionsOfItsContract(Notebook nb) {
    String setup = nb.sources("code").get(0);
    assertTrue(
        setup.contains(
            "CREATE OR REPLACE VIEW {report} AS SELECT * FROM read_parquet('{glob}', hive_partitioning = true)"),
        nb.name() + ": the first code cell registers the views");
    assertTrue(
        setup.contains("REPORTS_ROOT"), nb.name() + " takes the reports root from REPORTS_ROOT");
    Map<String, List<String>> declared = new LinkedHashMap<>();
    Matcher m = REPORT_PARTITIONS.matcher(setup);
    while (m.find()) {
      List<String> partitions = new ArrayList<>();
      Matcher q = QUOTED.matcher(m.group(2));
      while (q.find()) {
        partitions.add(q.group(1));
      }
      declared.put(m.group(1), partitions);
    }
    Map<String, List<String>> contracts = new LinkedHashMap<>();
    CONTRACTS
        .all()
        .forEach(
            c ->
                contracts.put(
                    c.name(),
                    c.partitionColumns().stream().map(ReportContracts.Column::name).toList()));
    assertEquals(
        contracts, declared, nb.name() + ": reports and partition levels of the setup cell");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void namesOnlyColumnsOfTheContractsOrOfItsQueries(Notebook nb) {
    Set<String> known = knownNames();
    Set<String> unknown = new TreeSet<>();
    nb.sources("code")
        .forEach(
            code ->
                columnsNamedInCode(code).stream()
                    .filter(n -> !known.contains(n))
                    .forEach(unknown::add));
    nb.sources("markdown")
        .forEach(
            md ->
                namesBackQuoted(md).stream().filter(n -> !known.contains(n)).forEach(unknown::add));
    assertEquals(
        Set.of(), unknown, nb.name() + ": names that no report contract nor query result has");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void savedOutputsHoldNothingThatLooksLikeAnIdentifier(Notebook nb) {
    String outputs = nb.outputs();
    assertFalse(outputs.isBlank(), nb.name() + " has saved outputs");
    for (Pattern p : IDENTIFIER_LIKE) {
      assertFalse(p.matcher(outputs).find(), nb.name() + ": saved output matches " + p.pattern());
    }
  }

  @Test
  void everyQueryFileIsRunByANotebook() throws IOException {
    Set<String> run = new TreeSet<>();
    notebooks().forEach(nb -> run.addAll(queriesRun(nb)));
    assertEquals(
        List.of(),
        QUERIES.stream().map(QueryFile::name).filter(q -> !run.contains(q)).toList(),
        "query files no notebook runs");
  }

  @Test
  void readmeDescribesEveryNotebookAndNamesOnlyKnownColumns() throws IOException {
    String readme = Files.readString(DIR.resolve("README.md"));
    NOTEBOOKS.forEach(nb -> assertTrue(readme.contains(nb + ".ipynb"), "README names " + nb));
    QUERIES.forEach(
        q -> assertTrue(readme.contains("`" + q.name() + "`"), "README names query " + q.name()));
    Set<String> known = knownNames();
    assertEquals(
        Set.of(),
        namesBackQuoted(readme).stream()
            .filter(n -> !known.contains(n))
            .collect(Collectors.toSet()),
        "README: names that no report contract nor query result has");
  }

  @Test
  void theColumnRuleCatchesAnUnknownColumn() {
    Set<String> named =
        columnsNamedInCode(
            "df[\"persons_verifed\"]\ndf[[\"se\", \"levels\"]]\ndf.plot(x=\"category\")");
    assertEquals(Set.of("persons_verifed", "se", "levels", "category"), named);
    Set<String> known = knownNames();
    assertEquals(
        Set.of("levels", "persons_verifed"),
        named.stream().filter(n -> !known.contains(n)).collect(Collectors.toSet()));
  }
}
