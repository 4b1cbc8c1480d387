package fr.breachimpact.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far leaked records drift from the customer master beyond typing errors: the rates of the
 * differences that come from organisations recording people independently (docs/generator.md).
 * Third-party sources are the incidents of organisations outside the customer master's group
 * (France Travail, MédecinDirect, Weda); retailer leaks are dumps of the group's own systems.
 *
 * @param otherEmail third-party sources: share of persons who gave them another email of theirs
 * @param otherPhone third-party sources: share of persons who gave them another number of theirs
 * @param birthName third-party sources: share of married women recorded under their birth name
 *     rather than the usage name the retailer knows (drawn per person and source)
 * @param nickname third-party sources: share of records whose first name is a short form (Cathy,
 *     JP, J-Pierre), among persons whose first name has one
 * @param title every leaked record: share with a title in a name field (Mme, M., Dr)
 * @param moved third-party sources: share of records at the person's other address
 * @param birthDateMissing third-party sources: share of records without a birth date
 * @param birthDateTypo every leaked record with a birth date: share with one digit off or day and
 *     month swapped
 * @param staleRetail retailer leaks: share of records dumped before the customer changed email,
 *     phone and address, so that the master knows newer ones
 */
public record NoiseSettings(
    double otherEmail,
    double otherPhone,
    double birthName,
    double nickname,
    double title,
    double moved,
    double birthDateMissing,
    double birthDateTypo,
    double staleRetail) {

  /** The knobs' names, as the {@code generate --noise KEY=RATE} option spells them. */
  public static final List<String> KEYS =
      List.of(
          "other_email",
          "other_phone",
          "birth_name",
          "nickname",
          "title",
          "moved",
          "birth_date_missing",
          "birth_date_typo",
          "stale_retail");

  /** Every source copies the person's values: the generator before this noise model. */
  public static final NoiseSettings EASY = new NoiseSettings(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** The default: what independent registrations and a two-year-old dump plausibly look like. */
  public static final NoiseSettings REALISTIC =
      new NoiseSettings(1.0 / 3, 0.5, 0.5, 0.25, 0.02, 0.15, 0.03, 0.02, 0.05);

  /** A second, harder data set: rates about twice the realistic ones. */
  public static final NoiseSettings HARD =
      new NoiseSettings(0.5, 0.7, 0.8, 0.5, 0.08, 0.3, 0.08, 0.06, 0.25);

  public NoiseSettings {
    double[] rates = {
      otherEmail,
      otherPhone,
      birthName,
      nickname,
      title,
      moved,
      birthDateMissing,
      birthDateTypo,
      staleRetail
    };
    for (int i = 0; i < rates.length; i++) {
      if (!(rates[i] >= 0 && rates[i] <= 1)) {
        throw new IllegalArgumentException("noise " + KEYS.get(i) + " must be a rate in [0, 1]");
      }
    }
    if (birthDateMissing + birthDateTypo > 1) {
      throw new IllegalArgumentException(
          "noise birth_date_missing + birth_date_typo must be at most 1");
    }
  }

  /** The profile of a {@code --difficulty}: easy, realistic or hard. */
  public static NoiseSettings profile(String difficulty) {
    switch (difficulty.toLowerCase(Locale.ROOT)) {
      case "easy":
        return EASY;
      case "realistic":
        return REALISTIC;
      case "hard":
        return HARD;
      default:
        throw new IllegalArgumentException(
            "difficulty must be easy, realistic or hard, not " + difficulty);
    }
  }

  /** These settings with some knobs set (keys of {@link #KEYS}). */
  public NoiseSettings with(Map<String, Double> overrides) {
    Map<String, Double> rates = asMap();
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      if (!rates.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown noise " + e.getKey() + " (expected one of " + String.join(", ", KEYS) + ")");
      }
      rates.put(e.getKey(), e.getValue());
    }
    double[] v = rates.values().stream().mapToDouble(Double::doubleValue).toArray();
    return new NoiseSettings(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }

  /** Knob name to rate, in the order of {@link #KEYS}. */
  public Map<String, Double> asMap() {
    double[] rates = {
      otherEmail,
      otherPhone,
      birthName,
      nickname,
      title,
      moved,
      birthDateMissing,
      birthDateTypo,
      staleRetail
    };
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < rates.length; i++) {
      out.put(KEYS.get(i), rates[i]);
    }
    return out;
  }
}
