package fr.breachimpact.generate;

import fr.breachimpact.classify.Category;
import java.util.EnumMap;
import java.util.Map;

/**
 * One rendered leaked row: its values in column order and, for the ground truth, the status of each
 * category it exposes ({@code verified}, {@code claimed} or {@code detected}).
 */
record LeakRow(String personId, String[] values, Map<Category, String> categories) {

  static Map<Category, String> emptyCategories() {
    return new EnumMap<>(Category.class);
  }
}
