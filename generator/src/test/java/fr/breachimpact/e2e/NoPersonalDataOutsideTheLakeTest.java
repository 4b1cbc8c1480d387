package fr.breachimpact.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.spark.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The raw values the generator produced (emails, phones, NIR, IBAN, cards, streets, names) are
 * nowhere outside the restricted lake: not in any report, not in the HTML summary, not on the
 * console of the run. Failures name the place and the kind of value, never the value.
 */
class NoPersonalDataOutsideTheLakeTest {
  static GeneratedRun run;
  static Set<String> raw;

  @BeforeAll
  static void collectRawValues() {
    run = GeneratedRun.get();
    raw = new HashSet<>();
    Dataset<Row> persons = run.truthCsv("persons.csv");
    for (String column :
        List.of(
            "email",
            "phone",
            "landline",
            "nir",
            "iban",
            "card_number",
            "street",
            "alt_email",
            "alt_street",
            "last_name")) {
      for (Row r :
          persons.select(functions.col(column).cast("string")).na().drop().collectAsList()) {
        String v = r.getString(0).toLowerCase(Locale.ROOT);
        // Short surnames are ordinary words ("Petit", "Roux"): only distinctive values count.
        if (v.length() >= (column.equals("last_name") ? 8 : 6)) {
          raw.add(v);
        }
      }
    }
    // The other values the noise model puts in leaked rows (another email, number, birth name,
    // street).
    Dataset<Row> variants = run.truthCsv("variants.csv");
    for (String column : List.of("other_email", "other_phone", "birth_name", "other_street")) {
      for (Row r :
          variants.select(functions.col(column).cast("string")).na().drop().collectAsList()) {
        String v = r.getString(0).toLowerCase(Locale.ROOT);
        if (column.equals("other_phone") && v.matches("[1-9][0-9]{8}")) {
          v = "0" + v; // read back as a number, the leading zero lost
        }
        if (v.length() >= (column.equals("birth_name") ? 8 : 6)) {
          raw.add(v);
        }
      }
    }
    // Phones also as E.164, the form the normaliser writes.
    new ArrayList<>(raw)
        .stream()
            .filter(v -> v.matches("0[1-9][0-9]{8}"))
            .forEach(v -> raw.add("+33" + v.substring(1)));
    assertTrue(raw.size() > 1_000, "raw values to look for");
  }

  /** Distinct kinds of raw value found in the text (never the values themselves). */
  private static List<String> leaks(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    for (String token : lower.split("[^\\p{L}\\p{N}@.+_-]+")) {
      if (raw.contains(token)) {
        found.add(
            token.contains("@")
                ? "an email"
                : token.matches("\\+?[0-9]+") ? "a number (phone/NIR/card)" : "a name or IBAN");
      }
    }
    for (String v : raw) {
      if (v.contains(" ") && lower.contains(v)) {
        found.add("a street");
      }
    }
    return found.stream().distinct().toList();
  }

  @Test
  void noReportHoldsARawValue() throws IOException {
    List<String> problems = new ArrayList<>();
    int seen = 0;
    // The aggregate reports and the notification zone's per-person reports alike.
    for (Path root :
        List.of(
            Path.of(run.config().resolve(run.config().config().reportsDir())),
            Path.of(run.config().notificationRoot()))) {
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path dir : dirs.filter(Files::isDirectory).toList()) {
          if (!isReport(dir)) { // an incident's CNIL draft and art. 34 templates: text files
            try (Stream<Path> files = Files.walk(dir)) {
              for (Path file : files.filter(Files::isRegularFile).toList()) {
                seen++;
                leaks(Files.readString(file))
                    .forEach(
                        leak ->
                            problems.add(
                                dir.getFileName() + "/" + file.getFileName() + ": " + leak));
              }
            }
            continue;
          }
          Dataset<Row> report = TestSpark.session().read().parquet(dir.toString());
          Dataset<Row> asText =
              report.select(functions.to_json(functions.struct(functions.col("*"))));
          for (Row r : asText.collectAsList()) {
            seen++;
            for (String leak : leaks(r.getString(0))) {
              problems.add(dir.getFileName() + ": " + leak);
            }
          }
        }
      }
    }
    assertTrue(seen > 100, "reports were read");
    assertEquals(List.of(), problems.stream().distinct().toList());
  }

  private static boolean isReport(Path dir) throws IOException {
    try (Stream<Path> parts = Files.list(dir)) {
      return parts.anyMatch(p -> p.getFileName().toString().startsWith("report_date="));
    }
  }

  @Test
  void theHtmlSummaryHoldsNoRawValue() throws IOException {
    Path html =
        Path.of(run.config().resolve(run.config().config().reportsDir()))
            .getParent()
            .resolve("summary.html");
    assertTrue(Files.size(html) > 1_000);
    assertEquals(List.of(), leaks(Files.readString(html)));
  }

  @Test
  void theConsoleOfTheRunHoldsNoRawValue() {
    assertTrue(
        run.console().contains("nightly: stage=report"), "the console of the run was captured");
    assertEquals(List.of(), leaks(run.console()));
  }
}
