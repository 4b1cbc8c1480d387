package fr.breachimpact.spark;

import java.util.List;

/**
 * The normalised columns that the normaliser adds to {@code leaked_records_clean} and {@code
 * customers_clean} and that linkage, deduplication and the reports read: one name for the writer
 * and its readers. Their meaning: docs/tables.md, "Stage 2".
 */
public final class Columns {
  public static final String FIRST_NAME_KEY = "first_name_key";
  public static final String LAST_NAME_KEY = "last_name_key";
  public static final String BIRTH_DATE_NORM = "birth_date_norm";
  public static final String BIRTH_DATE_VALID = "birth_date_valid";
  public static final String GENDER_NORM = "gender_norm";
  public static final String EMAIL_NORM = "email_norm";
  public static final String EMAIL_KEY = "email_key";
  public static final String EMAIL_VALID = "email_valid";
  public static final String PHONE_E164 = "phone_e164";
  public static final String PHONE_VALID = "phone_valid";
  public static final String POSTCODE_NORM = "postcode_norm";
  public static final String DEPARTMENT = "department";
  public static final String POSTCODE_VALID = "postcode_valid";
  public static final String CITY_KEY = "city_key";
  public static final String STREET_KEY = "street_key";
  public static final String NIR_NORM = "nir_norm";
  public static final String NIR_VALID = "nir_valid";
  public static final String LOYALTY_ID_NORM = "loyalty_id_norm";

  public static final List<String> ALL =
      List.of(
          FIRST_NAME_KEY,
          LAST_NAME_KEY,
          BIRTH_DATE_NORM,
          BIRTH_DATE_VALID,
          GENDER_NORM,
          EMAIL_NORM,
          EMAIL_KEY,
          EMAIL_VALID,
          PHONE_E164,
          PHONE_VALID,
          POSTCODE_NORM,
          DEPARTMENT,
          POSTCODE_VALID,
          CITY_KEY,
          STREET_KEY,
          NIR_NORM,
          NIR_VALID,
          LOYALTY_ID_NORM);

  private Columns() {}
}
