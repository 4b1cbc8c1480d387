package fr.breachimpact.generate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.Json;
import java.nio.charset.StandardCharsets;

/**
 * Writes manifests and configs with the project's mapper, so that {@code Json.read} takes them
 * back: map keys sorted (the records copy maps into unordered immutable maps) and the derived
 * helpers of {@link FileSpec} left out (they are no manifest keys).
 */
final class ManifestJson {
  private abstract static class FileSpecHelpersIgnored {
    @JsonIgnore
    abstract boolean isJsonLines();

    @JsonIgnore
    abstract boolean isGzip();
  }

  private static final ObjectWriter WRITER =
      Json.mapper()
          .copy()
          .addMixIn(FileSpec.class, FileSpecHelpersIgnored.class)
          .writer()
          .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ManifestJson() {}

  /** Pretty-printed JSON with a final newline. */
  static byte[] bytes(Object value) {
    try {
      return (WRITER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
