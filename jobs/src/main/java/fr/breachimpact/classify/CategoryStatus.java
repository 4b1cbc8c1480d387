package fr.breachimpact.classify;

import java.util.Locale;

/**
 * How sure a record's category is, strongest first; the rank orders them (verified > claimed >
 * detected).
 */
public enum CategoryStatus {
  /** Present, and valid where a validator exists (IBAN mod-97, Luhn, NIR key, email syntax). */
  VERIFIED(3),
  /** Present but failing its validator: the breach claims it, the value does not prove it. */
  CLAIMED(2),
  /** Found by content detection in an unmapped or free-text column. */
  DETECTED(1);

  private final int rank;

  CategoryStatus(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  /** The value written in {@code categories.status}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
