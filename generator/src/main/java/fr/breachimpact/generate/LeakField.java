package fr.breachimpact.generate;

import fr.breachimpact.classify.Category;
import fr.breachimpact.ingest.CanonicalField;

/**
 * What a column of a generated leak holds: the canonical field its manifest maps it onto (or none:
 * it stays in {@code extra}) and the category the ground truth counts it under.
 */
enum LeakField {
  GENDER(CanonicalField.GENDER),
  LAST_NAME(CanonicalField.LAST_NAME),
  FIRST_NAME(CanonicalField.FIRST_NAME),
  FULL_NAME(CanonicalField.FULL_NAME),
  BIRTH_DATE(CanonicalField.BIRTH_DATE),
  HOUSEHOLD(CanonicalField.HOUSEHOLD),
  EMAIL(CanonicalField.EMAIL),
  PHONE(CanonicalField.PHONE),
  STREET(CanonicalField.STREET),
  POSTCODE(CanonicalField.POSTCODE),
  CITY(CanonicalField.CITY),
  LOYALTY_ID(CanonicalField.LOYALTY_ID),
  LOYALTY_BALANCE(CanonicalField.LOYALTY_BALANCE),
  NIR(CanonicalField.NIR),
  FRANCE_TRAVAIL_ID(CanonicalField.FRANCE_TRAVAIL_ID),
  PROFESSIONAL_ID(CanonicalField.PROFESSIONAL_ID),
  HEALTH_INFO(CanonicalField.HEALTH_INFO),
  HEALTH_INSURANCE(CanonicalField.HEALTH_INSURANCE),
  ACCOUNT_ID(CanonicalField.ACCOUNT_ID),
  RECORD_DATE(CanonicalField.RECORD_DATE),
  /** Free-text comment, unmapped: holds an IBAN or a card number now and then. */
  COMMENT(null, null),
  /** Free-text notes, unmapped: French health vocabulary. */
  NOTES(null, null),
  /** Unmapped, no category: the mission locale following a young person. */
  MISSION_LOCALE(null, null),
  /** Unmapped, no category: a health professional's specialty. */
  SPECIALTY(null, null),
  /** Unmapped, but declared by the manifest as purchases. */
  LAST_PURCHASE(null, Category.PURCHASE_HISTORY);

  private final CanonicalField canonical;
  private final Category category;

  LeakField(CanonicalField canonical) {
    this(canonical, canonical.category().orElse(null));
  }

  LeakField(CanonicalField canonical, Category category) {
    this.canonical = canonical;
    this.category = category;
  }

  /** Null when the column is kept in {@code extra}. */
  CanonicalField canonical() {
    return canonical;
  }

  /** The category the column exposes (mapped, or declared in the manifest's categories). */
  Category category() {
    return category;
  }
}
