package fr.breachimpact.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generator's ground truth under {@code <out>/ground-truth/}: which person every accepted row
 * is, which lines are malformed and why, who is whose customer. The pipeline never reads it.
 */
final class GroundTruth implements Closeable {
  private final BufferedWriter leaked;
  private final BufferedWriter malformed;
  private final BufferedWriter customers;
  private final BufferedWriter persons;
  private final BufferedWriter variants;

  /** incident -> category -> status -> records. */
  private final Map<String, Map<String, Map<String, Long>>> categories = new TreeMap<>();

  static final String VERIFIED = "verified";
  static final String CLAIMED = "claimed";
  static final String DETECTED = "detected";

  private final Path dir;
  private long leakedRows;
  private long malformedRows;

  GroundTruth(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
    leaked =
        open(
            "leaked_records.csv",
            "incident_id,source_file,line_number,person_id,in_duplicate_file");
    malformed =
        open("malformed.csv", "incident_id,source_file,line_number,reason,in_duplicate_file");
    customers = open("customers.csv", "brand,customer_id,person_id");
    persons =
        open(
            "persons.csv",
            "person_id,sex,first_name,last_name,birth_date,email,phone,landline,nir,iban,card_number,"
                + "street,postcode,city,alt_email,alt_street");
    variants = open("variants.csv", "person_id,other_email,other_phone,birth_name,other_street");
  }

  private BufferedWriter open(String name, String header) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
    w.write(header);
    w.write('\n');
    return w;
  }

  void leaked(String incident, String file, long line, String personId, boolean duplicateFile)
      throws IOException {
    leaked.write(
        CsvText.line(
            incident, file, Long.toString(line), personId, Boolean.toString(duplicateFile)));
    leaked.write('\n');
    leakedRows++;
  }

  void malformed(String incident, String file, long line, String reason, boolean duplicateFile)
      throws IOException {
    malformed.write(
        CsvText.line(incident, file, Long.toString(line), reason, Boolean.toString(duplicateFile)));
    malformed.write('\n');
    malformedRows++;
  }

  void customer(String brand, String customerId, String personId) throws IOException {
    customers.write(CsvText.line(brand, customerId, personId));
    customers.write('\n');
  }

  void person(Person p, String altEmail, String altStreet) throws IOException {
    persons.write(
        CsvText.line(
            p.personId(),
            String.valueOf(p.sex()),
            p.firstName(),
            p.lastName(),
            p.birthDate().toString(),
            p.email(),
            p.phone(),
            p.landline(),
            p.nir(),
            p.iban(),
            p.cardNumber(),
            p.street(),
            p.postcode(),
            p.city(),
            altEmail,
            altStreet));
    persons.write('\n');
  }

  /** The other values a leaked person may show (noise model), once per person of the leaks. */
  void variants(Person p, PersonVariants.Alternates alt) throws IOException {
    variants.write(
        CsvText.line(p.personId(), alt.email(), alt.phone(), alt.birthName(), alt.street()));
    variants.write('\n');
  }

  void category(String incident, String category, String status) {
    categories
        .computeIfAbsent(incident, k -> new TreeMap<>())
        .computeIfAbsent(category, k -> new TreeMap<>())
        .merge(status, 1L, Long::sum);
  }

  long leakedRows() {
    return leakedRows;
  }

  long malformedRows() {
    return malformedRows;
  }

  @Override
  public void close() throws IOException {
    leaked.close();
    malformed.close();
    customers.close();
    persons.close();
    variants.close();
    try (BufferedWriter w =
        open(
            "categories.csv",
            "incident_id,category,records_with_valid_value,records_present_invalid,"
                + "records_detected_in_free_text")) {
      for (var incident : categories.entrySet()) {
        for (var category : incident.getValue().entrySet()) {
          Map<String, Long> counts = category.getValue();
          w.write(
              CsvText.line(
                  incident.getKey(),
                  category.getKey(),
                  String.valueOf(counts.getOrDefault(VERIFIED, 0L)),
                  String.valueOf(counts.getOrDefault(CLAIMED, 0L)),
                  String.valueOf(counts.getOrDefault(DETECTED, 0L))));
          w.write('\n');
        }
      }
    }
  }
}
