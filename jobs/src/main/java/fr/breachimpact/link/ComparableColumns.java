package fr.breachimpact.link;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.spark.Columns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * The columns a model may compare and block on, computed the same way from {@code
 * leaked_records_clean} and {@code customers_clean} (docs/linkage.md lists them), so that a
 * comparison declared in the settings means the same thing on both sides of any pair.
 *
 * <p>The {@code *_det} keys are the values that may decide a match alone: valid, not a placeholder
 * (the customer side also drops the values too many customers share).
 */
public final class ComparableColumns {
  /** The house number at the start of a street line ("12", "12b"), and the street without it. */
  private static final String HOUSE_NUMBER = "^\\s*(\\d+\\s?[a-z]?)\\b";

  /** Identifier schemes compared and blocked on as they are: upper case letters and digits. */
  static final List<String> IDENTIFIERS =
      List.of(
          "passport_number", "id_card_number", "france_travail_id", "professional_id", "other_id");

  private static final Map<String, Source> COLUMNS = columns();

  /** Every comparable column name, in output order. */
  public static final List<String> NAMES = List.copyOf(COLUMNS.keySet());

  private ComparableColumns() {}

  /** A comparable column: its expression and the clean columns it reads. */
  private record Source(Column expression, List<String> reads) {}

  private static Map<String, Source> columns() {
    Map<String, Source> m = new LinkedHashMap<>();
    for (String c :
        List.of(
            Columns.FIRST_NAME_KEY,
            Columns.LAST_NAME_KEY,
            Columns.POSTCODE_NORM,
            Columns.DEPARTMENT,
            Columns.CITY_KEY,
            Columns.GENDER_NORM)) {
      m.put(c, new Source(text(col(c)), List.of(c)));
    }
    m.put(
        Columns.BIRTH_DATE_NORM,
        new Source(col(Columns.BIRTH_DATE_NORM).cast("date"), List.of(Columns.BIRTH_DATE_NORM)));
    Column street = text(col(Columns.STREET_KEY));
    Column number = regexp_extract(street, HOUSE_NUMBER, 1);
    m.put(
        "house_number",
        new Source(
            when(number.notEqual(""), regexp_replace(number, "\\s", "")),
            List.of(Columns.STREET_KEY)));
    Column streetName = text(trim(regexp_replace(street, HOUSE_NUMBER, "")));
    m.put("street_name_key", new Source(streetName, List.of(Columns.STREET_KEY)));
    // The whole address in one value, so that one comparison weighs it once: a household shares
    // postcode, street and number, and three comparisons would count that fact three times.
    Column postcode = text(col(Columns.POSTCODE_NORM));
    m.put(
        "address_key",
        new Source(
            when(
                streetName.isNotNull().and(postcode.isNotNull()),
                concat_ws(" ", coalesce(number, lit("")), streetName, postcode)),
            List.of(Columns.STREET_KEY, Columns.POSTCODE_NORM)));
    Column email = KeyGuard.unlessPlaceholder(col(Columns.EMAIL_KEY), KeyGuard.EMAIL_PLACEHOLDER);
    Column local = substring_index(email, "@", 1);
    m.put("email", new Source(email, List.of(Columns.EMAIL_KEY)));
    // A local part ("prenom.nom") short enough to be shared by chance says little.
    m.put(
        "email_local_part",
        new Source(when(length(local).geq(5), local), List.of(Columns.EMAIL_KEY)));
    Column phone = KeyGuard.unlessPlaceholder(col(Columns.PHONE_E164), KeyGuard.PHONE_PLACEHOLDER);
    m.put("phone", new Source(phone, List.of(Columns.PHONE_E164)));
    m.put("nir", new Source(text(col(Columns.NIR_NORM)), List.of(Columns.NIR_NORM)));
    for (String id : IDENTIFIERS) {
      m.put(id, new Source(identifier(col(id)), List.of(id)));
    }
    m.put(
        "email_det",
        new Source(
            when(isTrue(col(Columns.EMAIL_VALID)), email),
            List.of(Columns.EMAIL_KEY, Columns.EMAIL_VALID)));
    m.put(
        "phone_det",
        new Source(
            when(isTrue(col(Columns.PHONE_VALID)), phone),
            List.of(Columns.PHONE_E164, Columns.PHONE_VALID)));
    m.put(
        "nir_det",
        new Source(
            when(isTrue(col(Columns.NIR_VALID)), col(Columns.NIR_NORM)),
            List.of(Columns.NIR_NORM, Columns.NIR_VALID)));
    m.put(
        "loyalty_det",
        new Source(
            KeyGuard.unlessPlaceholder(col(Columns.LOYALTY_ID_NORM), KeyGuard.LOYALTY_PLACEHOLDER),
            List.of(Columns.LOYALTY_ID_NORM)));
    return m;
  }

  /**
   * The comparable columns of a clean table, each named {@code prefix + name}. A column whose
   * source the table lacks (customers with no passport number) is null.
   */
  public static List<Column> of(String prefix, Set<String> present) {
    return COLUMNS.entrySet().stream()
        .map(
            e ->
                present.containsAll(e.getValue().reads())
                    ? e.getValue().expression().as(prefix + e.getKey())
                    : lit(null)
                        .cast(e.getKey().equals(Columns.BIRTH_DATE_NORM) ? "date" : "string")
                        .as(prefix + e.getKey()))
        .toList();
  }

  /** Blank text is absent. */
  private static Column text(Column c) {
    return when(trim(c).notEqual(""), c);
  }

  /** Letters and digits only, upper case; absent when nothing is left or only zeros. */
  static Column identifier(Column raw) {
    Column key = regexp_replace(upper(raw), "[^A-Z0-9]", "");
    return when(key.notEqual("").and(key.rlike("^0+$").unary_$bang()), key);
  }

  private static Column isTrue(Column flag) {
    return coalesce(flag, lit(false));
  }
}
