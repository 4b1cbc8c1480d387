package fr.breachimpact.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Have I Been Pwned's data-class names mapped onto category codes, from the classpath resource
 * {@code hibp-data-classes.json} (the same table as {@code schemas/hibp-data-classes.json}).
 * Absent resource: no HIBP names are known.
 */
public final class HibpClasses {
  private static final Map<String, String> BY_NAME = load();

  private HibpClasses() {}

  public static Optional<String> categoryOf(String dataClass) {
    return dataClass == null
        ? Optional.empty()
        : Optional.ofNullable(BY_NAME.get(dataClass.toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> load() {
    Map<String, String> map = new HashMap<>();
    try (InputStream in = HibpClasses.class.getResourceAsStream("/hibp-data-classes.json")) {
      if (in == null) {
        return map;
      }
      JsonNode root = new ObjectMapper().readTree(in);
      JsonNode classes = root.has("classes") ? root.get("classes") : root;
      if (classes.isObject()) {
        classes.fields().forEachRemaining(e -> map.put(e.getKey().toLowerCase(Locale.ROOT), code(e.getValue())));
      } else if (classes.isArray()) {
        for (JsonNode n : classes) {
          map.put(n.path("data_class").asText(n.path("name").asText()).toLowerCase(Locale.ROOT),
              n.path("category").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }

  private static String code(JsonNode value) {
    return value.isTextual() ? value.asText() : value.path("category").asText();
  }
}
