package fr.breachimpact.report;

import java.util.Locale;

/**
 * Kinds of identifier that decide ENISA's ease of identification. Each is derived from the
 * normalised columns of {@code leaked_records_clean}; only valid values count, since an invalid
 * email or NIR does not lead to the person.
 */
public enum Identifier {
  /** first_name_key and last_name_key both present. */
  FULL_NAME("first_name_key IS NOT NULL AND last_name_key IS NOT NULL"),
  /** last_name_key present (a full name implies it). */
  LAST_NAME("last_name_key IS NOT NULL"),
  /** birth_date_norm present (parsed and plausible). */
  BIRTH_DATE("birth_date_norm IS NOT NULL"),
  /** street_key present: a street address, not only a postcode. */
  POSTAL_ADDRESS("street_key IS NOT NULL"),
  /** postcode_valid. */
  POSTCODE("postcode_valid = true"),
  /** email_valid. */
  EMAIL("email_valid = true"),
  /** phone_valid. */
  PHONE("phone_valid = true"),
  /** nir_valid: the French national id, key checked. */
  NATIONAL_ID("nir_valid = true"),
  /**
   * professional_id shaped as an RPPS (11 digits) or ADELI (9 digits) number: public directories
   * give the health professional's name and practice from it.
   */
  PROFESSIONAL_ID("trim(professional_id) RLIKE '^([0-9]{9}|[0-9]{11})$'");

  private final String sqlCondition;

  Identifier(String sqlCondition) {
    this.sqlCondition = sqlCondition;
  }

  /** Spark SQL condition over leaked_records_clean that says the identifier is present. */
  public String sqlCondition() {
    return sqlCondition;
  }

  /** Column name of the flag in the prepared exposure frames: {@code id_full_name}, ... */
  public String flagColumn() {
    return "id_" + name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
