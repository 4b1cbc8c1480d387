package fr.breachimpact.classify;

/**
 * Data categories of DESIGN.md with their ENISA data-processing-context base score.
 * The base is the starting point of DPC; the manifest's context may move it within 1..4.
 */
public enum Category {
  IDENTITY(1),
  CONTACT(1),
  POSTAL_ADDRESS(1),
  LOYALTY_PURCHASES(2),
  LOCATION(2),
  CREDENTIALS(2),
  GOVERNMENT_ID(3),
  FINANCIAL(3),
  HEALTH(4),
  OTHER_SENSITIVE(4);

  private final int enisaBase;

  Category(int enisaBase) {
    this.enisaBase = enisaBase;
  }

  public int enisaBase() {
    return enisaBase;
  }
}
