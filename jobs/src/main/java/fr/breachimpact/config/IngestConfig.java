package fr.breachimpact.config;

import java.io.Serializable;

/**
 * @param maxLineChars a physical line longer than this is quarantined, not parsed
 * @param maxFields a record with more fields than this is quarantined
 */
public record IngestConfig(Integer maxLineChars, Integer maxFields) implements Serializable {
  public IngestConfig {
    maxLineChars = maxLineChars == null ? 1_000_000 : maxLineChars;
    maxFields = maxFields == null ? 1_000 : maxFields;
  }

  public static IngestConfig defaults() {
    return new IngestConfig(null, null);
  }
}
