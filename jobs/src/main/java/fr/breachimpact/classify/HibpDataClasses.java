package fr.breachimpact.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Have I Been Pwned's data-class names onto category codes, from {@code hibp-data-classes.json} on
 * the classpath (documented copy in {@code schemas/}). Loaded once per JVM.
 */
public final class HibpDataClasses {
  public static final String RESOURCE = "/hibp-data-classes.json";
  private static final Map<String, Category> BY_LOWER_NAME = load();

  /**
   * The code before loyalty identifiers and purchase histories were told apart: a column a manifest
   * declared with it was declared as purchases, so it keeps meaning purchase history.
   */
  static final String LEGACY_PURCHASES = "LOYALTY_PURCHASES";

  private HibpDataClasses() {}

  /** The whole table, keyed by lower-case class name. */
  public static Map<String, Category> table() {
    return BY_LOWER_NAME;
  }

  /**
   * A manifest's category declaration: a category code ({@code HEALTH}, any case) or an HIBP class
   * name ({@code Medical records}, any case). Empty when it is neither.
   */
  public static Optional<Category> resolve(String declared) {
    if (declared == null || declared.isBlank()) {
      return Optional.empty();
    }
    String s = declared.strip();
    if (s.equalsIgnoreCase(LEGACY_PURCHASES)) {
      return Optional.of(Category.PURCHASE_HISTORY);
    }
    try {
      return Optional.of(Category.valueOf(s.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException notACode) {
      return Optional.ofNullable(BY_LOWER_NAME.get(s.toLowerCase(Locale.ROOT)));
    }
  }

  private static Map<String, Category> load() {
    try (InputStream in = HibpDataClasses.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      JsonNode classes = new ObjectMapper().readTree(in).path("classes");
      Map<String, Category> table = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = classes.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        String code = e.getValue().asText();
        try {
          table.put(e.getKey().toLowerCase(Locale.ROOT), Category.valueOf(code));
        } catch (IllegalArgumentException ex) {
          throw new IllegalStateException(
              RESOURCE + ": classes." + e.getKey() + ": unknown category " + code);
        }
      }
      return Map.copyOf(table);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": unreadable", e);
    }
  }
}
