package fr.breachimpact.ingest;

import fr.breachimpact.config.FileSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a row's named source values into canonical values and {@code extra}, as the manifest's
 * mapping says. A row in which nothing holds a value is {@link QuarantineReason#EMPTY_RECORD}.
 */
final class RecordMapper {
  private final Map<String, Integer> canonicalIndex = new LinkedHashMap<>();
  private final Map<String, String> declaredCategories;

  RecordMapper(FileSpec spec) {
    spec.mapping()
        .forEach(
            (source, target) ->
                canonicalIndex.put(
                    source,
                    CanonicalField.fromColumnName(target)
                        .orElseThrow(() -> new IllegalStateException("unvalidated mapping"))
                        .ordinal()));
    this.declaredCategories = spec.categories();
  }

  /** Returns the accepted outcome, or null when the row holds no value at all. */
  RowOutcome map(long line, Map<String, String> sourceValues) {
    String[] values = new String[CanonicalField.values().length];
    Map<String, String> extra = new LinkedHashMap<>();
    Map<String, String> categories = new LinkedHashMap<>();
    boolean any = false;
    for (Map.Entry<String, String> e : sourceValues.entrySet()) {
      String value = e.getValue() == null ? null : e.getValue().strip();
      if (value == null || value.isEmpty()) {
        continue;
      }
      any = true;
      Integer index = canonicalIndex.get(e.getKey());
      if (index != null) {
        // Two source columns on one field (street line 1 and 2): joined, in source order.
        values[index] = values[index] == null ? value : values[index] + " " + value;
      } else {
        extra.put(e.getKey(), value);
        String category = declaredCategories.get(e.getKey());
        if (category != null) {
          categories.put(e.getKey(), category);
        }
      }
    }
    return any ? RowOutcome.accepted(line, values, extra, categories) : null;
  }
}
