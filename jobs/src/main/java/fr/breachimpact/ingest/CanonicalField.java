package fr.breachimpact.ingest;

import fr.breachimpact.classify.Category;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of a canonical leaked record. Manifests map each source column onto one of these (by
 * its {@link #columnName()}); columns mapped onto nothing are kept in {@code extra}. All values are
 * kept as the raw strings found in the file: normalisation happens later.
 */
public enum CanonicalField {
  FIRST_NAME(Category.IDENTITY),
  LAST_NAME(Category.IDENTITY),
  /** A single name column ("DUPONT Jean", "Jean Dupont"): split later by the normaliser. */
  FULL_NAME(Category.IDENTITY),
  BIRTH_DATE(Category.IDENTITY),
  GENDER(Category.IDENTITY),
  HOUSEHOLD(Category.IDENTITY),
  EMAIL(Category.CONTACT),
  PHONE(Category.CONTACT),
  STREET(Category.POSTAL_ADDRESS),
  POSTCODE(Category.POSTAL_ADDRESS),
  CITY(Category.POSTAL_ADDRESS),
  COUNTRY(Category.POSTAL_ADDRESS),
  LOYALTY_ID(Category.LOYALTY_ID),
  LOYALTY_BALANCE(Category.LOYALTY_ID),
  PURCHASE_HISTORY(Category.PURCHASE_HISTORY),
  GEOLOCATION(Category.LOCATION),
  PASSWORD(Category.CREDENTIALS),
  SECURITY_ANSWER(Category.CREDENTIALS),
  NIR(Category.GOVERNMENT_ID),
  PASSPORT_NUMBER(Category.GOVERNMENT_ID),
  ID_CARD_NUMBER(Category.GOVERNMENT_ID),
  FRANCE_TRAVAIL_ID(Category.GOVERNMENT_ID),
  IBAN(Category.FINANCIAL),
  CARD_NUMBER(Category.FINANCIAL),
  INCOME(Category.FINANCIAL),
  HEALTH_INFO(Category.HEALTH),
  HEALTH_INSURANCE(Category.INSURANCE),
  SENSITIVE_INFO(Category.OTHER_SENSITIVE),
  /**
   * Professional identifier (RPPS, ADELI) of a health professional: public, identifies the person.
   */
  PROFESSIONAL_ID(Category.IDENTITY),
  /**
   * Any other identifier scheme a file carries (a social security number of another country, a
   * member number shared with a partner): compared as an identifier, exposed as identity data.
   */
  OTHER_ID(Category.IDENTITY),
  /** The breached service's own account id; sequential ids feed the German-tank estimate. */
  ACCOUNT_ID(null),
  /** When the record was created or last seen by the breached service. */
  RECORD_DATE(null);

  private final Category category;

  CanonicalField(Category category) {
    this.category = category;
  }

  /** The category this field exposes when present, empty for technical fields. */
  public Optional<Category> category() {
    return Optional.ofNullable(category);
  }

  /** Column name in {@code leaked_records} and in manifests: lower snake case. */
  public String columnName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CanonicalField> fromColumnName(String name) {
    return Arrays.stream(values()).filter(f -> f.columnName().equals(name)).findFirst();
  }
}
