package fr.breachimpact.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Fellegi-Sunter model declared as data (section {@code link.model} or {@code resolve.model}):
 * the comparisons with their levels and the blocking rules. {@code schemas/linkage-model.json}
 * documents every key; the shipped defaults are the resources {@code link-model.json} and {@code
 * dedupe-model.json} beside this class. The columns named here are the comparable columns of
 * docs/linkage.md, the same on both sides of a pair.
 */
public record ModelSettings(
    List<ComparisonSettings> comparisons,
    List<BlockingRuleSettings> blockingRules,
    PriorSettings prior) {

  public ModelSettings {
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    blockingRules = blockingRules == null ? List.of() : List.copyOf(blockingRules);
  }

  /**
   * How the prior (the probability that two random rows are the same person) is estimated, as
   * Splink does: the pairs that deterministic rules accept, divided by the share of true pairs
   * those rules are assumed to find, over all possible pairs. Without this section, the prior is
   * EM's expected matches over all possible pairs.
   *
   * @param deterministicRules each rule maps comparison names to the level that comparison must be
   *     at ({@code {"email": "exact"}}); a pair any rule accepts counts
   * @param recall the share of the true pairs the rules are assumed to accept, in (0, 1]
   */
  public record PriorSettings(List<Map<String, String>> deterministicRules, Double recall) {
    public PriorSettings {
      deterministicRules =
          deterministicRules == null
              ? List.of()
              // In the given order: the settings hash is taken over these settings as JSON.
              : deterministicRules.stream()
                  .map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)))
                  .toList();
    }
  }

  /**
   * One compared field: its levels from the strongest down; a pair matching none of them is {@code
   * else}, a pair missing the value on either side is {@code null} (no evidence).
   *
   * @param name the field's name in the output ({@code gamma_<name>}, {@code bf_<name>})
   * @param column the comparable column both sides carry
   * @param levels the agreement levels, strongest first
   * @param termFrequency an exact agreement weighs by how common the value is
   * @param nullWhenEqual the comparison says nothing when these columns agree
   * @param nullWhenPresent the comparison says nothing when both sides hold these columns (a city
   *     adds nothing where the postcodes were compared: it counts only where one is missing)
   */
  public record ComparisonSettings(
      String name,
      String column,
      List<LevelSettings> levels,
      Boolean termFrequency,
      List<String> nullWhenEqual,
      List<String> nullWhenPresent) {
    public ComparisonSettings {
      levels = levels == null ? List.of() : List.copyOf(levels);
      termFrequency = termFrequency == null ? Boolean.FALSE : termFrequency;
      nullWhenEqual = nullWhenEqual == null ? List.of() : List.copyOf(nullWhenEqual);
      nullWhenPresent = nullWhenPresent == null ? List.of() : List.copyOf(nullWhenPresent);
    }
  }

  /**
   * One agreement level. Which of the parameters a kind reads is listed in {@code
   * schemas/linkage-model.json}.
   *
   * @param kind {@code exact}, {@code jaro_winkler}, {@code levenshtein}, {@code
   *     damerau_levenshtein}, {@code swapped}, {@code initial}, {@code date_transposed}, {@code
   *     date_one_digit}, {@code same_month_year}, {@code within_years}, {@code same}, {@code
   *     prefix}, {@code token_overlap}, {@code array_intersect}
   * @param column the level compares this comparable column instead of the comparison's (an email's
   *     local part)
   * @param threshold similarity at least this ({@code jaro_winkler}, {@code token_overlap})
   * @param distance edits at most this ({@code levenshtein}, {@code damerau_levenshtein}), or the
   *     number of shared elements at least ({@code array_intersect})
   * @param with the other column ({@code swapped}: this and that column crossed; {@code same}: that
   *     column agrees)
   * @param years at most this many years apart ({@code within_years})
   * @param length the first characters agree ({@code prefix})
   */
  public record LevelSettings(
      String kind,
      String column,
      Double threshold,
      Integer distance,
      String with,
      Integer years,
      Integer length) {}

  /**
   * A blocking rule: the records of both sides whose keys all agree become a candidate pair.
   *
   * @param name written in logs and in {@code evaluate}'s per-rule lines
   * @param keys key expressions: a comparable column, or {@code soundex(c)}, {@code initial(c)},
   *     {@code prefix3(c)}, {@code local_part(c)}, {@code sorted(c1,c2)}, {@code brand_scoped(c)}
   * @param maxBlockSize a key value held by more rows than this (customers for link, parties of one
   *     kind for resolve) yields no pair through this rule; null: the stage's {@code
   *     max_block_size}. For rules whose keys namesakes share (a first name and a postcode), whose
   *     blocks grow with the population
   * @param kinds resolve only: the kinds of party ({@code record}, {@code customer}) this rule
   *     pairs; empty: both. Customer masters carry identifiers and birth dates, so a rule on names
   *     and a postcode pairs their namesakes for little: it can be kept for the leaked records
   */
  public record BlockingRuleSettings(
      String name, List<String> keys, Integer maxBlockSize, List<String> kinds) {
    public BlockingRuleSettings {
      keys = keys == null ? List.of() : List.copyOf(keys);
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    public BlockingRuleSettings(String name, List<String> keys, Integer maxBlockSize) {
      this(name, keys, maxBlockSize, null);
    }

    public BlockingRuleSettings(String name, List<String> keys) {
      this(name, keys, null, null);
    }
  }

  /** The shipped model for customer linkage (leaked records against customers). */
  public static ModelSettings linkDefaults() {
    return resource("link-model.json");
  }

  /** The shipped model for deduplication (leaked records against leaked records). */
  public static ModelSettings dedupeDefaults() {
    return resource("dedupe-model.json");
  }

  private static ModelSettings resource(String name) {
    try (InputStream in = ModelSettings.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return Json.mapper().readValue(in, ModelSettings.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
