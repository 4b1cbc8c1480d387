package fr.breachimpact.classify;

/**
 * Data categories with their ENISA data-processing-context base score. The base is the starting
 * point of DPC; the manifest's context may move it within 1..4.
 *
 * <p>A loyalty card number or balance is an identifier of a customer account, simple data as in
 * ENISA's supermarket customer list; what the customer bought or does is behavioural. An insurer's
 * name says less than health data: ENISA lowers a category when the data tells less than its name
 * suggests.
 */
public enum Category {
  IDENTITY(1),
  CONTACT(1),
  POSTAL_ADDRESS(1),
  /** Loyalty card number or balance: identifies an account, says nothing of habits. */
  LOYALTY_ID(1),
  /** Purchase history or buying habits: behavioural. */
  PURCHASE_HISTORY(2),
  LOCATION(2),
  CREDENTIALS(2),
  GOVERNMENT_ID(3),
  FINANCIAL(3),
  HEALTH(4),
  /** The name of a health insurer alone (no health field beside it): simple data. */
  INSURANCE(1),
  OTHER_SENSITIVE(4);

  private final int enisaBase;

  Category(int enisaBase) {
    this.enisaBase = enisaBase;
  }

  public int enisaBase() {
    return enisaBase;
  }
}
