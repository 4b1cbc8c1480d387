package fr.breachimpact.report;

import java.util.Locale;

/** ENISA 2013 severity levels of SE = DPC x EI + CB. */
public enum EnisaLevel {
  LOW,
  MEDIUM,
  HIGH,
  VERY_HIGH;

  /** Below 2 low, 2 to below 3 medium, 3 to below 4 high, 4 and above very high. */
  public static EnisaLevel of(double se) {
    if (se >= 4) {
      return VERY_HIGH;
    }
    if (se >= 3) {
      return HIGH;
    }
    if (se >= 2) {
      return MEDIUM;
    }
    return LOW;
  }

  /** Art. 34 GDPR: the people themselves are notified when the risk is high. */
  public boolean requiresNotification() {
    return this == HIGH || this == VERY_HIGH;
  }

  /** The report value: {@code low}, {@code medium}, {@code high}, {@code very high}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
