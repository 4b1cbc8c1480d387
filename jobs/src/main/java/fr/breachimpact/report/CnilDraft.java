package fr.breachimpact.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.classify.Category;
import fr.breachimpact.config.DpoContact;
import fr.breachimpact.config.IncidentManifest;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The draft of an incident's notification to the CNIL (GDPR art. 33(3)), as JSON and as Markdown:
 * the nature of the breach, the categories and approximate numbers of people and records with the
 * extrapolated total, the likely consequences by category, the measures taken and proposed, the
 * DPO's contact, whether it is the initial or a complementary notification, the reason for a delay
 * past 72 hours, and the ENISA factors behind the severity. Counts, categories and the manifest's
 * own words only: no personal data. A missing DPO contact or delay reason is written as {@code
 * "missing"}, never left out.
 */
public final class CnilDraft {
  public static final String MISSING = "missing";

  /** What a data category exposes the people to, in the words of a notification. */
  static final Map<Category, String> CONSEQUENCES = consequences();

  private CnilDraft() {}

  private static Map<Category, String> consequences() {
    Map<Category, String> m = new EnumMap<>(Category.class);
    m.put(Category.IDENTITY, "identity usurpation attempts, phishing that uses the person's name");
    m.put(
        Category.CONTACT,
        "phishing by email, SMS or phone, spam, scam calls posing as the organisation");
    m.put(Category.POSTAL_ADDRESS, "letters and parcel scams, physical targeting at home");
    m.put(Category.LOYALTY_ID, "use of the loyalty account or its points by someone else");
    m.put(Category.PURCHASE_HISTORY, "profiling and disclosure of habits, targeted scams");
    m.put(Category.LOCATION, "tracking of movements, risks to physical safety");
    m.put(
        Category.CREDENTIALS,
        "takeover of the account and of other accounts using the same password");
    m.put(Category.GOVERNMENT_ID, "identity theft, fraudulent procedures in the person's name");
    m.put(Category.FINANCIAL, "fraudulent payments or direct debits, financial loss");
    m.put(Category.HEALTH, "disclosure of health conditions, discrimination, blackmail");
    m.put(Category.INSURANCE, "phishing posing as the person's insurer");
    m.put(Category.OTHER_SENSITIVE, "discrimination, stigmatisation, blackmail");
    return m;
  }

  /**
   * @param severity the incident's incident_severity row (as built, before suppression matters: the
   *     draft is in the notification zone), or null when the incident has no records yet
   * @param categories the incident's rows of {@link CategoryCounts#of} (category, records, persons)
   * @param estimates the incident's row of {@link IncidentEstimates#build}, or null
   * @param previousDate the report date of the incident's previous draft, or null: then this one is
   *     the initial notification
   */
  public static ObjectNode json(
      IncidentInfo info,
      Row severity,
      List<Row> categories,
      Row estimates,
      DpoContact dpo,
      LocalDate runDate,
      LocalDate previousDate) {
    IncidentManifest m = info.manifest();
    ObjectNode d = dated(info, runDate, previousDate);
    d.put("organisation", m.organisation());
    ObjectNode dpoNode = d.putObject("dpo_contact");
    if (dpo == null || !dpo.complete()) {
      dpoNode.put("status", MISSING);
      dpoNode.put(
          "how_to_fix", "set report.dpo_contact (name and email, phone or address) in the config");
    } else {
      dpoNode.put("name", dpo.name());
      putIfPresent(dpoNode, "email", dpo.email());
      putIfPresent(dpoNode, "phone", dpo.phone());
      putIfPresent(dpoNode, "address", dpo.address());
    }
    ObjectNode nature = d.putObject("nature");
    nature.put("description", m.description());
    nature.put("sector", m.sector());
    if (m.dates() != null) {
      nature.put("occurred", m.dates().occurred() == null ? null : m.dates().occurred().toString());
      nature.put(
          "became_aware",
          m.dates().becameAware() == null ? null : m.dates().becameAware().toString());
      nature.put(
          "disclosed", m.dates().disclosed() == null ? null : m.dates().disclosed().toString());
    }
    nature.put("confidentiality", m.circumstances().confidentiality());
    nature.put("integrity", m.circumstances().integrity());
    nature.put("availability", m.circumstances().availability());
    nature.put("malicious", m.circumstances().malicious());

    ObjectNode numbers = d.putObject("numbers");
    numbers.put("persons_in_sample", severity == null ? null : longOf(severity, "persons"));
    numbers.put("records_in_sample", severity == null ? null : longOf(severity, "records"));
    numbers.put("total_affected", info.leakTotal());
    numbers.put("total_affected_basis", info.leakTotalBasis());
    if (estimates != null) {
      estimate(
          numbers.putObject("german_tank"),
          estimates,
          "german_tank_leak_size",
          "german_tank_low",
          "german_tank_high",
          "german_tank_note");
      estimate(
          numbers.putObject("capture_recapture"),
          estimates,
          "capture_recapture_leak_size",
          "capture_recapture_low",
          "capture_recapture_high",
          "capture_recapture_note");
    }

    ArrayNode cats = d.putArray("categories");
    for (Row c : categories) {
      String code = c.getAs("category");
      ObjectNode n = cats.addObject();
      n.put("category", code);
      n.put("persons", longOf(c, "persons"));
      n.put("records", longOf(c, "records"));
      n.put("records_found_by_content_detection_only", longOf(c, "records_detected"));
      n.put("likely_consequences", consequence(code));
    }

    ArrayNode taken = d.putArray("measures_taken");
    m.measuresTaken().forEach(taken::add);
    ArrayNode proposed = d.putArray("measures_proposed");
    m.measuresProposed().forEach(proposed::add);

    d.set("art33", art33(severity, m));

    ObjectNode enisa = d.putObject("severity");
    if (severity != null) {
      enisa.put("dpc", (Integer) severity.getAs("dpc"));
      enisa.put("ei", (Double) severity.getAs("ei"));
      enisa.put("cb", (Double) severity.getAs("cb"));
      enisa.put("se", (Double) severity.getAs("se"));
      enisa.put("level", (String) severity.getAs("level"));
      enisa.put("art34_required", (Boolean) severity.getAs("art34_required"));
      enisa.put("dpc_factors", (String) severity.getAs("dpc_factors"));
      enisa.put("ei_factors", (String) severity.getAs("ei_factors"));
      enisa.put("cb_factors", (String) severity.getAs("cb_factors"));
    }
    return d;
  }

  /**
   * The draft of a later date from the incident's draft of an earlier date whose inputs did not
   * change: the date, the kind of notification and whether the art. 33 deadline has passed (from
   * the later date's {@code severity} row) are those of the later date; every other field is the
   * earlier draft's, in the same order.
   *
   * @param previousDate the earlier draft's date, which this one complements
   */
  public static ObjectNode redated(
      ObjectNode earlier,
      IncidentInfo info,
      Row severity,
      LocalDate runDate,
      LocalDate previousDate) {
    ObjectNode d = dated(info, runDate, previousDate);
    earlier
        .fields()
        .forEachRemaining(
            e -> {
              switch (e.getKey()) {
                case "incident_id", "report_date", "notification", "complements_draft_of" -> {}
                case "art33" -> d.set("art33", art33(severity, info.manifest()));
                default -> d.set(e.getKey(), e.getValue());
              }
            });
    return d;
  }

  /** The fields that name the draft: incident, date, initial or complementary, of which date. */
  private static ObjectNode dated(IncidentInfo info, LocalDate runDate, LocalDate previousDate) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("incident_id", info.id());
    d.put("report_date", runDate.toString());
    d.put(
        "notification",
        previousDate == null || !previousDate.isBefore(runDate) ? "initial" : "complementary");
    if (previousDate != null && previousDate.isBefore(runDate)) {
      d.put("complements_draft_of", previousDate.toString());
    }
    return d;
  }

  /** The art. 33 deadline, whether it has passed, and the reason for the delay if it has. */
  private static ObjectNode art33(Row severity, IncidentManifest m) {
    ObjectNode deadline = JsonNodeFactory.instance.objectNode();
    Object passed = severity == null ? null : severity.getAs("art33_deadline_passed");
    deadline.put(
        "deadline",
        severity == null || severity.getAs("art33_deadline") == null
            ? null
            : ((Timestamp) severity.getAs("art33_deadline")).toInstant().toString());
    deadline.put("passed", passed == null ? null : (Boolean) passed);
    if (Boolean.TRUE.equals(passed)) {
      deadline.put(
          "delay_reason",
          m.delayReason() == null || m.delayReason().isBlank() ? MISSING : m.delayReason());
    }
    return deadline;
  }

  /** The same draft as a page the DPO reads and pastes from. */
  public static String markdown(ObjectNode d) {
    StringBuilder s = new StringBuilder();
    s.append("# Notification to the CNIL: ")
        .append(d.path("incident_id").asText())
        .append(" (")
        .append(d.path("notification").asText())
        .append(" notification, draft of ")
        .append(d.path("report_date").asText())
        .append(")\n\n");
    s.append("Organisation: ").append(d.path("organisation").asText("")).append("\n\n");
    s.append("## DPO contact\n\n");
    if (MISSING.equals(d.path("dpo_contact").path("status").asText())) {
      s.append("**missing**: ")
          .append(d.path("dpo_contact").path("how_to_fix").asText())
          .append("\n\n");
    } else {
      d.path("dpo_contact")
          .fields()
          .forEachRemaining(
              e ->
                  s.append("- ")
                      .append(e.getKey())
                      .append(": ")
                      .append(e.getValue().asText())
                      .append('\n'));
      s.append('\n');
    }
    s.append("## Nature of the breach\n\n");
    d.path("nature")
        .fields()
        .forEachRemaining(
            e ->
                s.append("- ")
                    .append(e.getKey())
                    .append(": ")
                    .append(e.getValue().isNull() ? "unknown" : e.getValue().asText())
                    .append('\n'));
    s.append("\n## Approximate numbers\n\n");
    ObjectNode n = (ObjectNode) d.path("numbers");
    s.append("- persons in the sample: ").append(text(n.path("persons_in_sample"))).append('\n');
    s.append("- records in the sample: ").append(text(n.path("records_in_sample"))).append('\n');
    s.append("- total affected: ").append(text(n.path("total_affected")));
    if (!n.path("total_affected_basis").isNull()
        && !n.path("total_affected_basis").isMissingNode()) {
      s.append(" (").append(n.path("total_affected_basis").asText()).append(")");
    }
    s.append('\n');
    for (String method : List.of("german_tank", "capture_recapture")) {
      if (n.has(method)) {
        var e = n.path(method);
        s.append("- ").append(method.replace('_', ' ')).append(": ");
        s.append(
            e.path("estimate").isNull()
                ? e.path("note").asText()
                : e.path("estimate").asText()
                    + " (95% interval "
                    + e.path("low").asText()
                    + " to "
                    + e.path("high").asText()
                    + ")");
        s.append('\n');
      }
    }
    s.append(
        "\n## Categories of data and likely consequences\n\n| category | persons | records | likely consequences |\n| --- | ---: | ---: | --- |\n");
    d.path("categories")
        .forEach(
            c ->
                s.append("| ")
                    .append(c.path("category").asText())
                    .append(" | ")
                    .append(c.path("persons").asText())
                    .append(" | ")
                    .append(c.path("records").asText())
                    .append(" | ")
                    .append(c.path("likely_consequences").asText())
                    .append(" |\n"));
    s.append("\n## Measures taken\n\n");
    list(s, d.path("measures_taken"));
    s.append("\n## Measures proposed\n\n");
    list(s, d.path("measures_proposed"));
    s.append("\n## Deadline (art. 33)\n\n- deadline: ")
        .append(text(d.path("art33").path("deadline")))
        .append("\n- passed: ")
        .append(text(d.path("art33").path("passed")))
        .append('\n');
    if (d.path("art33").has("delay_reason")) {
      s.append("- reason for the delay: ")
          .append(d.path("art33").path("delay_reason").asText())
          .append('\n');
    }
    s.append("\n## Severity (ENISA 2013)\n\n");
    d.path("severity")
        .fields()
        .forEachRemaining(
            e ->
                s.append("- ")
                    .append(e.getKey())
                    .append(": ")
                    .append(e.getValue().asText())
                    .append('\n'));
    return s.toString();
  }

  private static void list(StringBuilder s, JsonNode items) {
    if (items.isEmpty()) {
      s.append("none declared in the manifest\n");
    }
    items.forEach(i -> s.append("- ").append(i.asText()).append('\n'));
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode() ? "unknown" : v.asText();
  }

  private static void estimate(
      ObjectNode n, Row r, String estimate, String low, String high, String note) {
    n.put("estimate", (Long) r.getAs(estimate));
    n.put("low", (Long) r.getAs(low));
    n.put("high", (Long) r.getAs(high));
    n.put("note", (String) r.getAs(note));
  }

  private static void putIfPresent(ObjectNode n, String key, String value) {
    if (value != null && !value.isBlank()) {
      n.put(key, value);
    }
  }

  private static String consequence(String code) {
    try {
      return CONSEQUENCES.getOrDefault(
          Category.valueOf(code.toUpperCase(Locale.ROOT)), "to be assessed");
    } catch (IllegalArgumentException e) {
      return "to be assessed";
    }
  }

  private static long longOf(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? 0 : ((Number) v).longValue();
  }
}
