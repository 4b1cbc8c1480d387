package fr.breachimpact.sniff;

import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.ingest.FileRowReader;
import fr.breachimpact.ingest.RowOutcome;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The prefix read by ingestion's own {@link FileRowReader} under the proposed layout: what it would
 * quarantine (reasons and counts) and, for the accepted rows, each column's values for the content
 * checks. The values stay in memory and are never printed.
 *
 * @param rows rows read (accepted and quarantined; blank lines and the header are no rows)
 * @param quarantineByReason reason -> rows
 * @param values column -> its first non-empty values, at most {@code maxValues}, in column order
 */
public record IngestPreview(
    long rows, Map<String, Long> quarantineByReason, Map<String, List<String>> values) {
  public static final int MAX_VALUES = 10_000;

  public long quarantined() {
    return quarantineByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Reads the prefix with an empty mapping: every value lands in {@code extra}, under its column.
   */
  public static IngestPreview of(Prefix prefix, FileSpec spec, List<String> header) {
    FileRowReader reader =
        new FileRowReader(
            new ByteArrayInputStream(prefix.bytes()), spec, header, IngestConfig.defaults());
    Map<String, Long> reasons = new TreeMap<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    header.forEach(h -> values.put(h, new ArrayList<>()));
    long rows = 0;
    while (reader.hasNext()) {
      RowOutcome o = reader.next();
      rows++;
      if (!o.isAccepted()) {
        reasons.merge(o.reason().name(), 1L, Long::sum);
        continue;
      }
      for (Map.Entry<String, String> e : o.extra().entrySet()) {
        List<String> column = values.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
        if (column.size() < MAX_VALUES) {
          column.add(e.getValue());
        }
      }
    }
    return new IngestPreview(rows, reasons, values);
  }
}
