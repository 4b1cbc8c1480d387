package fr.breachimpact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** schemas/manifest.schema.json stays true to the records Jackson binds manifests into. */
class ManifestSchemaTest {
  private static final JsonNode SCHEMA = read();

  private static JsonNode read() {
    try {
      return Json.mapper().readTree(Path.of("..", "schemas", "manifest.schema.json").toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(c -> new PropertyNamingStrategies.SnakeCaseStrategy().translate(c.getName()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> properties(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void topLevelPropertiesAreTheManifestRecord() {
    assertEquals(components(IncidentManifest.class), properties(SCHEMA));
  }

  @Test
  void nestedPropertiesAreTheirRecords() {
    JsonNode p = SCHEMA.path("properties");
    assertEquals(components(IncidentDates.class), properties(p.path("dates")));
    assertEquals(components(Circumstances.class), properties(p.path("circumstances")));
    assertEquals(
        components(ContextAdjustment.class),
        properties(p.path("context_adjustments").path("items")));
    assertEquals(components(FileSpec.class), properties(p.path("files").path("items")));
  }
}
