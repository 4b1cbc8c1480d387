package fr.breachimpact.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.breachimpact.classify.Category;
import fr.breachimpact.config.CustomerSource;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.config.JobConfig;
import fr.breachimpact.config.Json;
import fr.breachimpact.ingest.CanonicalField;
import fr.breachimpact.ingest.QuarantineReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator at a small scale (about 1,000 persons): determinism, layouts that match their
 * manifests, and a ground truth that accounts for every line. Assertion messages name files, line
 * numbers and counts only, never a generated value.
 */
class SampleDataGeneratorTest {
  private static final double SCALE = 0.05;
  private static final long SEED = 7;

  @TempDir static Path tmp;
  private static Path out;

  @BeforeAll
  static void generate() throws IOException {
    out = tmp.resolve("first");
    SampleDataGenerator.generate(out, SEED, SCALE);
  }

  @Test
  void sameSeedAndScaleGiveByteIdenticalFiles() throws IOException {
    Path again = tmp.resolve("second");
    SampleDataGenerator.generate(again, SEED, SCALE);
    List<Path> first = files(out);
    List<Path> second = files(again);
    assertEquals(
        first.stream().map(p -> out.relativize(p).toString()).toList(),
        second.stream().map(p -> again.relativize(p).toString()).toList());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(first.get(i)),
          Files.readAllBytes(second.get(i)),
          "differs: " + out.relativize(first.get(i)));
    }
  }

  @Test
  void anotherSeedGivesAnotherPopulation() throws IOException {
    Path other = tmp.resolve("other-seed");
    SampleDataGenerator.generate(other, SEED + 1, 0.01);
    Path persons = out.resolve("ground-truth/persons.csv");
    assertNotEquals(
        Files.readAllLines(persons).get(1),
        Files.readAllLines(other.resolve("ground-truth/persons.csv")).get(1),
        "first person of two seeds");
  }

  @Test
  void generatedIdentifiersHaveValidCheckDigits() throws IOException {
    List<Map<String, String>> persons = csv(out.resolve("ground-truth/persons.csv"));
    assertTrue(persons.size() >= 900, "persons: " + persons.size());
    int nirs = 0;
    int ibans = 0;
    int cards = 0;
    for (Map<String, String> p : persons) {
      String id = p.get("person_id");
      String nir = p.get("nir");
      assertTrue(Checks.nirKeyMatches(nir), "NIR key of " + id);
      assertEquals(p.get("sex").equals("M") ? '1' : '2', nir.charAt(0), "NIR sex of " + id);
      String birth = p.get("birth_date"); // yyyy-MM-dd
      assertEquals(
          birth.substring(2, 4) + birth.substring(5, 7), nir.substring(1, 5), "NIR birth of " + id);
      nirs++;
      if (!p.get("iban").isEmpty()) {
        assertTrue(Checks.frenchIbanValid(p.get("iban")), "IBAN of " + id);
        ibans++;
      }
      if (!p.get("card_number").isEmpty()) {
        assertTrue(Checks.luhn(p.get("card_number")), "card of " + id);
        assertTrue(
            p.get("card_number").matches("(4\\d{15})|(5[1-5]\\d{14})"), "card issuer of " + id);
        cards++;
      }
      assertTrue(p.get("phone").matches("0[1-7]\\d{8}"), "phone of " + id);
    }
    assertTrue(
        ibans > persons.size() / 2 && cards > persons.size() / 3,
        "ibans " + ibans + " cards " + cards);
    assertTrue(nirs == persons.size());
  }

  @Test
  void personalEmailsAreUniqueAndOnlyContactAddressesAreShared() throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (Map<String, String> p : csv(out.resolve("ground-truth/persons.csv"))) {
      if (!p.get("email").isEmpty()) {
        counts.merge(p.get("email"), 1, Integer::sum);
      }
    }
    long sharedPersonal =
        counts.entrySet().stream()
            .filter(e -> e.getValue() > 1 && !e.getKey().startsWith("contact@"))
            .count();
    assertEquals(0, sharedPersonal, "personal emails given by two persons");
  }

  @Test
  void manifestsParseAndMapOnlyCanonicalFields() {
    Set<String> canonical =
        Stream.of(CanonicalField.values())
            .map(CanonicalField::columnName)
            .collect(Collectors.toSet());
    Set<String> categories =
        Stream.of(Category.values()).map(Enum::name).collect(Collectors.toSet());
    for (IncidentPlan plan : IncidentCatalog.plans()) {
      Path manifestFile = out.resolve("incidents").resolve(plan.id()).resolve("manifest.json");
      IncidentManifest manifest = Json.read(manifestFile, IncidentManifest.class);
      // Jackson reads offset date-times back in UTC: the same instant, another offset.
      assertEquals(
          plan.manifest().dates().becameAware().toInstant(),
          manifest.dates().becameAware().toInstant());
      assertEquals(withDates(plan.manifest(), manifest.dates()), manifest, plan.id());
      for (FileSpec file : manifest.files()) {
        assertTrue(
            Files.isRegularFile(manifestFile.getParent().resolve(file.path())),
            plan.id() + " " + file.path());
        assertFalse(file.mapping().isEmpty(), plan.id() + " " + file.path());
        for (String field : file.mapping().values()) {
          assertTrue(canonical.contains(field), plan.id() + ": not a canonical field: " + field);
        }
        for (String category : file.categories().values()) {
          assertTrue(categories.contains(category), plan.id() + ": not a category: " + category);
        }
        if (!file.header()) {
          assertTrue(file.columns().containsAll(file.mapping().keySet()), plan.id() + " columns");
        }
      }
    }
  }

  @Test
  void committedExampleManifestsAreWhatTheGeneratorWrites() throws IOException {
    Path examples = Path.of("..", "examples", "incidents");
    for (IncidentPlan plan : IncidentCatalog.plans()) {
      Path committed = examples.resolve(plan.id()).resolve("manifest.json");
      assertTrue(Files.isRegularFile(committed), "missing " + committed);
      assertEquals(
          new String(IncidentWriter.manifestBytes(plan), StandardCharsets.UTF_8),
          Files.readString(committed),
          "regenerate examples/incidents/" + plan.id() + "/manifest.json with the generator");
      assertArrayEquals(
          Files.readAllBytes(committed),
          Files.readAllBytes(out.resolve("incidents").resolve(plan.id()).resolve("manifest.json")),
          plan.id());
    }
  }

  @Test
  void configParsesAndPointsAtTheCustomerFiles() {
    JobConfig config = Json.read(out.resolve("config.json"), JobConfig.class);
    assertEquals("incidents", config.incidentsDir());
    assertEquals(2, config.customers().size());
    Set<String> allowed =
        Stream.of(CanonicalField.values())
            .map(CanonicalField::columnName)
            .collect(Collectors.toCollection(HashSet::new));
    allowed.add("customer_id");
    for (CustomerSource source : config.customers()) {
      assertTrue(Files.isRegularFile(out.resolve(source.path())), source.path());
      assertTrue(source.mapping().containsValue("customer_id"), source.path());
      assertTrue(allowed.containsAll(source.mapping().values()), source.path());
      assertEquals("Mulliez", source.group());
    }
  }

  /**
   * Every physical line of every leaked file is the header, a blank line, an accepted row of the
   * ground truth or a malformed line with its reason, and each looks like what it claims.
   */
  @Test
  void groundTruthAccountsForEveryLineOfEveryFile() throws IOException {
    Map<String, Map<Long, String>> accepted = new HashMap<>();
    for (Map<String, String> r : csv(out.resolve("ground-truth/leaked_records.csv"))) {
      accepted
          .computeIfAbsent(r.get("incident_id") + "/" + r.get("source_file"), k -> new HashMap<>())
          .put(Long.parseLong(r.get("line_number")), r.get("person_id"));
    }
    Map<String, Map<Long, String>> malformed = new HashMap<>();
    Set<String> reasonsSeen = new TreeSet<>();
    for (Map<String, String> r : csv(out.resolve("ground-truth/malformed.csv"))) {
      malformed
          .computeIfAbsent(r.get("incident_id") + "/" + r.get("source_file"), k -> new HashMap<>())
          .put(Long.parseLong(r.get("line_number")), r.get("reason"));
      reasonsSeen.add(r.get("reason"));
    }
    int files = 0;
    for (IncidentPlan plan : IncidentCatalog.plans()) {
      for (FileSpec spec : plan.manifest().files()) {
        files++;
        String key = plan.id() + "/" + spec.path();
        Map<Long, String> rows = accepted.getOrDefault(key, Map.of());
        Map<Long, String> broken = malformed.getOrDefault(key, Map.of());
        List<byte[]> lines =
            GeneratedFiles.lines(
                out.resolve("incidents").resolve(plan.id()).resolve(spec.path()), spec.isGzip());
        Charset charset = Charset.forName(spec.encoding());
        int expectedFields =
            spec.header()
                ? GeneratedFiles.fieldCount(
                    decode(lines.get(0), charset), spec.delimiter().charAt(0), quote(spec))
                : spec.columns().size();
        int blank = 0;
        for (int i = 0; i < lines.size(); i++) {
          long lineNumber = i + 1;
          byte[] bytes = lines.get(i);
          String where = key + ":" + lineNumber;
          if (lineNumber == 1 && spec.header() && !spec.isJsonLines()) {
            assertFalse(rows.containsKey(lineNumber) || broken.containsKey(lineNumber), where);
            continue;
          }
          if (bytes.length == 0) {
            blank++;
            assertFalse(rows.containsKey(lineNumber) || broken.containsKey(lineNumber), where);
            continue;
          }
          assertTrue(
              rows.containsKey(lineNumber) ^ broken.containsKey(lineNumber),
              "exactly one place: " + where);
          String reason = broken.get(lineNumber);
          if (reason == null) {
            String text = decode(bytes, charset);
            assertFalse(text.indexOf('\u0000') >= 0, "NUL in accepted " + where);
            if (spec.isJsonLines()) {
              assertTrue(Json.mapper().readTree(text).isObject(), "accepted JSON " + where);
            } else {
              assertEquals(
                  expectedFields,
                  GeneratedFiles.fieldCount(text, spec.delimiter().charAt(0), quote(spec)),
                  "fields " + where);
            }
          } else {
            assertLooksLike(
                QuarantineReason.valueOf(reason), bytes, spec, charset, expectedFields, where);
          }
        }
        assertEquals(
            lines.size(),
            (spec.header() && !spec.isJsonLines() ? 1 : 0) + blank + rows.size() + broken.size(),
            key);
        assertTrue(broken.size() >= 3, "malformed lines in " + key);
      }
    }
    assertEquals(8, files);
    assertEquals(
        new TreeSet<>(
            List.of(
                "TOO_FEW_FIELDS",
                "TOO_MANY_FIELDS",
                "UNBALANCED_QUOTE",
                "CONTROL_CHARACTER",
                "INVALID_ENCODING",
                "EMPTY_RECORD",
                "MALFORMED_JSON",
                "NOT_A_JSON_OBJECT")),
        reasonsSeen);
  }

  private static void assertLooksLike(
      QuarantineReason reason,
      byte[] bytes,
      FileSpec spec,
      Charset charset,
      int expectedFields,
      String where) {
    char delimiter = spec.delimiter().charAt(0);
    switch (reason) {
      case INVALID_ENCODING:
        assertThrowsDecoding(bytes, charset, where);
        return;
      case CONTROL_CHARACTER:
        assertTrue(new String(bytes, charset).indexOf('\u0000') >= 0, where);
        return;
      case MALFORMED_JSON:
        assertThrowsParsing(decode(bytes, charset), where);
        return;
      case NOT_A_JSON_OBJECT:
        try {
          JsonNode node = Json.mapper().readTree(decode(bytes, charset));
          assertFalse(node.isObject(), where);
        } catch (IOException e) {
          throw new AssertionError("does not parse: " + where);
        }
        return;
      default:
        break;
    }
    int fields = GeneratedFiles.fieldCount(decode(bytes, charset), delimiter, quote(spec));
    switch (reason) {
      case TOO_FEW_FIELDS:
        assertTrue(fields > 0 && fields < expectedFields, where);
        break;
      case TOO_MANY_FIELDS:
        assertTrue(fields > expectedFields, where);
        break;
      case UNBALANCED_QUOTE:
        assertEquals(-1, fields, where);
        break;
      case EMPTY_RECORD:
        assertEquals(expectedFields, fields, where);
        assertTrue(decode(bytes, charset).replace(String.valueOf(delimiter), "").isEmpty(), where);
        break;
      default:
        throw new AssertionError("unexpected reason " + reason + " at " + where);
    }
  }

  @Test
  void repostedSampleIsAByteIdenticalCopyMarkedInTheGroundTruth() throws IOException {
    Path dir = out.resolve("incidents").resolve(IncidentCatalog.AUCHAN_2025);
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("part1.csv")),
        Files.readAllBytes(dir.resolve("repost/part1.csv")));
    List<Map<String, String>> rows = csv(out.resolve("ground-truth/leaked_records.csv"));
    List<String> original = new ArrayList<>();
    List<String> copy = new ArrayList<>();
    for (Map<String, String> r : rows) {
      if (r.get("source_file").equals("part1.csv")) {
        assertEquals("false", r.get("in_duplicate_file"));
        original.add(r.get("line_number") + " " + r.get("person_id"));
      } else if (r.get("source_file").equals("repost/part1.csv")) {
        assertEquals("true", r.get("in_duplicate_file"));
        copy.add(r.get("line_number") + " " + r.get("person_id"));
      } else {
        assertEquals("false", r.get("in_duplicate_file"));
      }
    }
    assertFalse(original.isEmpty());
    assertEquals(original, copy);
  }

  @Test
  void duplicatedRowsRepeatAPersonWithinAFile() throws IOException {
    Map<String, Integer> perFilePerson = new HashMap<>();
    for (Map<String, String> r : csv(out.resolve("ground-truth/leaked_records.csv"))) {
      perFilePerson.merge(
          r.get("incident_id") + "/" + r.get("source_file") + "/" + r.get("person_id"),
          1,
          Integer::sum);
    }
    assertTrue(perFilePerson.values().stream().anyMatch(n -> n > 1), "no duplicated row");
  }

  @Test
  void customerMasterHasBothBrandsAndSharedCustomers() throws IOException {
    Map<String, Set<String>> brands = new HashMap<>();
    for (Map<String, String> r : csv(out.resolve("ground-truth/customers.csv"))) {
      brands.computeIfAbsent(r.get("person_id"), k -> new HashSet<>()).add(r.get("brand"));
    }
    long auchan = brands.values().stream().filter(b -> b.contains("Auchan")).count();
    long lm = brands.values().stream().filter(b -> b.contains("Leroy Merlin")).count();
    long both = brands.values().stream().filter(b -> b.size() == 2).count();
    assertTrue(auchan > 300 && auchan < 500, "auchan " + auchan);
    assertTrue(lm > 180 && lm < 320, "leroy merlin " + lm);
    assertTrue(both > 60 && both < 150, "both " + both);
    assertEquals(auchan, Files.readAllLines(out.resolve("customers/auchan.csv")).size() - 1);
    assertEquals(lm, Files.readAllLines(out.resolve("customers/leroy-merlin.csv")).size() - 1);
  }

  @Test
  void categoryCountsStayWithinTheAcceptedRows() throws IOException {
    Map<String, Integer> rows = new HashMap<>();
    for (Map<String, String> r : csv(out.resolve("ground-truth/leaked_records.csv"))) {
      if (r.get("in_duplicate_file").equals("false")) {
        rows.merge(r.get("incident_id"), 1, Integer::sum);
      }
    }
    List<Map<String, String>> categories = csv(out.resolve("ground-truth/categories.csv"));
    assertFalse(categories.isEmpty());
    for (Map<String, String> c : categories) {
      long total =
          Long.parseLong(c.get("records_with_valid_value"))
              + Long.parseLong(c.get("records_present_invalid"))
              + Long.parseLong(c.get("records_detected_in_free_text"));
      assertTrue(
          total <= rows.get(c.get("incident_id")), c.get("incident_id") + " " + c.get("category"));
    }
    assertTrue(
        categories.stream()
            .anyMatch(
                c ->
                    c.get("incident_id").equals(IncidentCatalog.MEDECINDIRECT)
                        && c.get("category").equals("HEALTH")
                        && Long.parseLong(c.get("records_with_valid_value")) > 0));
  }

  /**
   * Third parties recorded people independently: in their files, about a third of the persons give
   * another email than the master's and half another phone; with the easy profile, none.
   */
  @Test
  void thirdPartyFilesCarryAnotherEmailForAThirdAndAnotherPhoneForHalf() throws IOException {
    double[] realistic = thirdPartyContactsDiffering(out);
    assertEquals(1.0 / 3, realistic[0], 0.12, "share of third-party rows with another email");
    assertEquals(0.5, realistic[1], 0.13, "share of third-party rows with another phone");
    Path easy = tmp.resolve("easy");
    SampleDataGenerator.generate(easy, SEED, SCALE, SCALE, NoiseSettings.EASY);
    double[] copied = thirdPartyContactsDiffering(easy);
    assertTrue(
        copied[0] < 0.03 && copied[1] < 0.03,
        "easy: emails " + copied[0] + ", phones " + copied[1]);
  }

  @Test
  void variantsListTheOtherValuesOfEveryLeakedPersonOnce() throws IOException {
    Set<String> leaked = new HashSet<>();
    for (Map<String, String> r : csv(out.resolve("ground-truth/leaked_records.csv"))) {
      leaked.add(r.get("person_id"));
    }
    Map<String, Map<String, String>> persons = new HashMap<>();
    for (Map<String, String> p : csv(out.resolve("ground-truth/persons.csv"))) {
      persons.put(p.get("person_id"), p);
    }
    List<Map<String, String>> variants = csv(out.resolve("ground-truth/variants.csv"));
    Set<String> listed = new HashSet<>();
    for (Map<String, String> v : variants) {
      String id = v.get("person_id");
      assertTrue(listed.add(id), "listed twice: " + id);
      Map<String, String> p = persons.get(id);
      assertNotEquals(p.get("phone"), v.get("other_phone"), "other phone of " + id);
      assertNotEquals(p.get("street"), v.get("other_street"), "other street of " + id);
      assertTrue(v.get("birth_name").isEmpty() || p.get("sex").equals("F"), "birth name of " + id);
    }
    assertEquals(leaked, listed);
  }

  /** Shares of third-party rows whose email, then phone, is not the person's in the master. */
  private static double[] thirdPartyContactsDiffering(Path root) throws IOException {
    Map<String, Map<String, String>> persons = new HashMap<>();
    for (Map<String, String> p : csv(root.resolve("ground-truth/persons.csv"))) {
      persons.put(p.get("person_id"), p);
    }
    Map<String, String> who = new HashMap<>();
    for (Map<String, String> r : csv(root.resolve("ground-truth/leaked_records.csv"))) {
      who.put(
          r.get("incident_id") + "/" + r.get("source_file") + ":" + r.get("line_number"),
          r.get("person_id"));
    }
    int[] counts = new int[4]; // emails compared, differing; phones compared, differing
    for (IncidentPlan plan : IncidentCatalog.plans()) {
      if (!plan.manifest().brands().isEmpty()) {
        continue;
      }
      for (FileSpec spec : plan.manifest().files()) {
        List<byte[]> lines =
            GeneratedFiles.lines(
                root.resolve("incidents").resolve(plan.id()).resolve(spec.path()), spec.isGzip());
        List<String> header =
            spec.header()
                ? List.of(Checks.splitCsv(new String(lines.get(0), StandardCharsets.UTF_8)))
                : spec.columns();
        String emailColumn = column(spec, "email");
        String phoneColumn = column(spec, "phone");
        for (int i = 0; i < lines.size(); i++) {
          String person = who.get(plan.id() + "/" + spec.path() + ":" + (i + 1));
          if (person == null) {
            continue;
          }
          Map<String, String> row =
              row(spec, header, new String(lines.get(i), StandardCharsets.UTF_8));
          Map<String, String> truth = persons.get(person);
          String email = row.get(emailColumn);
          if (email != null && email.contains("@") && !truth.get("email").isEmpty()) {
            counts[0]++;
            counts[1] += mailbox(email).equals(mailbox(truth.get("email"))) ? 0 : 1;
          }
          String phone =
              row.get(phoneColumn) == null ? "" : row.get(phoneColumn).replaceAll("\\D", "");
          if (phone.length() >= 10 && !phone.startsWith("000")) {
            counts[2]++;
            counts[3] += phone.endsWith(truth.get("phone").substring(1)) ? 0 : 1;
          }
        }
      }
    }
    assertTrue(
        counts[0] > 80 && counts[2] > 80,
        "third-party rows compared: " + counts[0] + ", " + counts[2]);
    return new double[] {(double) counts[1] / counts[0], (double) counts[3] / counts[2]};
  }

  /** The file's column mapped onto a canonical field. */
  private static String column(FileSpec spec, String canonical) {
    return spec.mapping().entrySet().stream()
        .filter(e -> e.getValue().equals(canonical))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private static Map<String, String> row(FileSpec spec, List<String> header, String line)
      throws IOException {
    Map<String, String> row = new HashMap<>();
    if (spec.isJsonLines()) {
      Json.mapper()
          .readTree(line)
          .fields()
          .forEachRemaining(e -> row.put(e.getKey(), e.getValue().asText()));
      return row;
    }
    String[] values =
        spec.delimiter().equals(",") ? Checks.splitCsv(line) : line.split(spec.delimiter(), -1);
    for (int c = 0; c < header.size() && c < values.length; c++) {
      row.put(header.get(c), values[c]);
    }
    return row;
  }

  /** The same mailbox whatever the case or Gmail's dots. */
  private static String mailbox(String email) {
    String e = email.toLowerCase(java.util.Locale.ROOT);
    return e.endsWith("@gmail.com")
        ? e.substring(0, e.indexOf('@')).replace(".", "") + "@gmail.com"
        : e;
  }

  private static IncidentManifest withDates(
      IncidentManifest m, fr.breachimpact.config.IncidentDates dates) {
    return new IncidentManifest(
        m.incidentId(),
        m.organisation(),
        m.brands(),
        m.group(),
        m.sector(),
        m.description(),
        dates,
        m.claimedTotalAffected(),
        m.notifiedTotalAffected(),
        m.sequentialAccountIds(),
        m.independentSamples(),
        m.circumstances(),
        m.contextAdjustments(),
        m.files());
  }

  private static char quote(FileSpec spec) {
    return spec.quote().isEmpty() ? 0 : spec.quote().charAt(0);
  }

  private static String decode(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("not " + charset + " text");
    }
  }

  private static void assertThrowsDecoding(byte[] bytes, Charset charset, String where) {
    try {
      charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      return;
    }
    throw new AssertionError("decodes: " + where);
  }

  private static void assertThrowsParsing(String text, String where) {
    try {
      Json.mapper().readTree(text);
    } catch (IOException e) {
      return;
    }
    throw new AssertionError("parses: " + where);
  }

  static List<Map<String, String>> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = Checks.splitCsv(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] v = Checks.splitCsv(lines.get(i));
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.length; c++) {
        row.put(header[c], c < v.length ? v[c] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
