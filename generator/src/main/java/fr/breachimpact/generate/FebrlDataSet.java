package fr.breachimpact.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.config.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Wraps a public FEBRL benchmark (Christen's synthetic records, attribution in the data folder's
 * README) as a user would: incident folders with manifests, a customer master and its config, and a
 * ground truth in the generator's format ({@code ground-truth/leaked_records.csv} and {@code
 * customers.csv}), so that the real stages and {@code evaluate} run on data nobody here wrote.
 *
 * <ul>
 *   <li>{@code febrl4}: 4b is the leak, 4a the customer master; each 4b record has exactly one true
 *       customer.
 *   <li>{@code febrl3}: the 5,000 records spread at random (seeded) over three incidents, an empty
 *       customer master: deduplication alone, across and within incidents.
 * </ul>
 *
 * <p>The leaked files keep FEBRL's columns except {@code rec_id}, which carries the truth; the
 * values are trimmed (FEBRL writes a space after each comma). Every other choice is the manifest's
 * mapping, the same for both sets.
 */
public final class FebrlDataSet {
  public static final List<String> SETS = List.of("febrl4", "febrl3");
  static final String BRAND = "Febrl";
  static final List<String> COLUMNS =
      List.of(
          "given_name",
          "surname",
          "street_number",
          "address_1",
          "address_2",
          "suburb",
          "postcode",
          "state",
          "date_of_birth",
          "soc_sec_id");

  /** Source column -> canonical field; several columns onto one field are joined in order. */
  static final Map<String, String> MAPPING = mapping();

  private FebrlDataSet() {}

  private static Map<String, String> mapping() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("given_name", "first_name");
    m.put("surname", "last_name");
    m.put("street_number", "street");
    m.put("address_1", "street");
    m.put("suburb", "city");
    m.put("postcode", "postcode");
    m.put("date_of_birth", "birth_date");
    m.put("soc_sec_id", "other_id");
    return m;
  }

  /** {@code FebrlDataSet SET FEBRL_DIR OUT}: writes the set and prints its config's path. */
  public static void main(String[] args) {
    if (args.length != 3 || !SETS.contains(args[0])) {
      System.err.println("usage: FebrlDataSet " + String.join("|", SETS) + " FEBRL_DIR OUT");
      System.exit(2);
    }
    System.out.println(write(args[0], Path.of(args[1]), Path.of(args[2]), 42));
  }

  /** One FEBRL row: the person it is and its values, trimmed, in {@link #COLUMNS} order. */
  record Row(String recId, String personId, List<String> values) {}

  /**
   * Writes the set {@code name} read from {@code febrlDir} (holding dataset3.csv, dataset4a.csv,
   * dataset4b.csv) under {@code out}; returns the config file.
   */
  public static Path write(String name, Path febrlDir, Path out, long seed) {
    try {
      Files.createDirectories(out.resolve("ground-truth"));
      switch (name) {
        case "febrl4" -> writeFebrl4(febrlDir, out);
        case "febrl3" -> writeFebrl3(febrlDir, out, seed);
        default ->
            throw new IllegalArgumentException("unknown benchmark set '" + name + "': " + SETS);
      }
      return out.resolve("config.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeFebrl4(Path febrlDir, Path out) throws IOException {
    List<Row> customers = read(febrlDir.resolve("dataset4a.csv"));
    List<Row> leaked = read(febrlDir.resolve("dataset4b.csv"));
    try (BufferedWriter truth = truthWriter(out)) {
      writeIncident(out, "febrl4b", leaked, truth);
    }
    writeCustomers(out, customers);
    writeConfig(out, List.of("febrl4b"));
  }

  private static void writeFebrl3(Path febrlDir, Path out, long seed) throws IOException {
    List<Row> rows = read(febrlDir.resolve("dataset3.csv"));
    List<List<Row>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    SplittableRandom random = new SplittableRandom(seed);
    for (Row row : rows) {
      parts.get(random.nextInt(parts.size())).add(row);
    }
    List<String> ids = List.of("febrl3-a", "febrl3-b", "febrl3-c");
    try (BufferedWriter truth = truthWriter(out)) {
      for (int i = 0; i < ids.size(); i++) {
        writeIncident(out, ids.get(i), parts.get(i), truth);
      }
    }
    writeCustomers(out, List.of());
    writeConfig(out, ids);
  }

  static List<Row> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> header = split(lines.get(0));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = split(line);
      Map<String, String> byName = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        byName.put(header.get(i), i < fields.size() ? fields.get(i) : "");
      }
      String recId = byName.get("rec_id");
      List<String> values = new ArrayList<>();
      for (String c : COLUMNS) {
        values.add(byName.getOrDefault(c, ""));
      }
      rows.add(new Row(recId, personOf(recId), values));
    }
    return rows;
  }

  /** {@code rec-12-org} and {@code rec-12-dup-3} are person 12. */
  static String personOf(String recId) {
    String[] parts = recId.split("-");
    return "febrl-" + parts[1];
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    for (String f : line.split(",", -1)) {
      out.add(f.strip());
    }
    return out;
  }

  private static BufferedWriter truthWriter(Path out) throws IOException {
    BufferedWriter w =
        Files.newBufferedWriter(
            out.resolve("ground-truth/leaked_records.csv"), StandardCharsets.UTF_8);
    w.write("incident_id,source_file,line_number,person_id,in_duplicate_file\n");
    return w;
  }

  private static void writeIncident(Path out, String id, List<Row> rows, BufferedWriter truth)
      throws IOException {
    Path dir = out.resolve("incidents").resolve(id);
    Files.createDirectories(dir);
    String file = id + ".csv";
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8)) {
      w.write(String.join(",", COLUMNS));
      w.write('\n');
      long line = 1;
      for (Row row : rows) {
        w.write(String.join(",", row.values()));
        w.write('\n');
        line++;
        truth.write(String.join(",", id, file, Long.toString(line), row.personId(), "false"));
        truth.write('\n');
      }
    }
    Json.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("manifest.json").toFile(), manifest(id, file));
  }

  private static ObjectNode manifest(String id, String file) {
    ObjectNode m = Json.mapper().createObjectNode();
    m.put("incident_id", id);
    m.put("organisation", "FEBRL benchmark");
    m.putArray("brands").add(BRAND);
    m.putNull("group");
    m.put("sector", "benchmark");
    m.put(
        "description",
        "Public FEBRL record-linkage benchmark (synthetic records) wrapped as an incident.");
    ObjectNode dates = m.putObject("dates");
    dates.put("occurred", "2026-01-01");
    dates.put("became_aware", "2026-01-02T09:00:00+01:00");
    dates.put("disclosed", "2026-01-03");
    m.putNull("claimed_total_affected");
    m.putNull("notified_total_affected");
    ArrayNode files = m.putArray("files");
    ObjectNode f = files.addObject();
    f.put("path", file);
    f.put("format", "csv");
    f.put("delimiter", ",");
    f.put("header", true);
    f.put("encoding", "UTF-8");
    ObjectNode mapping = f.putObject("mapping");
    MAPPING.forEach(mapping::put);
    return m;
  }

  private static void writeCustomers(Path out, List<Row> rows) throws IOException {
    Path dir = out.resolve("customers");
    Files.createDirectories(dir);
    try (BufferedWriter w =
            Files.newBufferedWriter(dir.resolve("febrl.csv"), StandardCharsets.UTF_8);
        BufferedWriter truth =
            Files.newBufferedWriter(
                out.resolve("ground-truth/customers.csv"), StandardCharsets.UTF_8)) {
      w.write("rec_id," + String.join(",", COLUMNS));
      w.write('\n');
      truth.write("brand,customer_id,person_id\n");
      for (Row row : rows) {
        w.write(row.recId() + "," + String.join(",", row.values()));
        w.write('\n');
        truth.write(String.join(",", BRAND, row.recId(), row.personId()));
        truth.write('\n');
      }
    }
  }

  private static void writeConfig(Path out, List<String> incidents) throws IOException {
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("incidents_dir", "incidents");
    ArrayNode ids = c.putArray("incidents");
    incidents.forEach(ids::add);
    ObjectNode customers = c.putArray("customers").addObject();
    customers.put("path", "customers/febrl.csv");
    customers.put("format", "csv");
    customers.put("delimiter", ",");
    customers.put("header", true);
    customers.put("encoding", "UTF-8");
    customers.put("brand", BRAND);
    customers.putNull("group");
    ObjectNode mapping = customers.putObject("mapping");
    mapping.put("rec_id", "customer_id");
    MAPPING.forEach(mapping::put);
    c.put("lake_dir", "lake");
    c.put("reports_dir", "reports");
    c.putObject("report").put("pseudonym_key_file", "pseudonym.key");
    Json.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("config.json").toFile(), c);
  }
}
