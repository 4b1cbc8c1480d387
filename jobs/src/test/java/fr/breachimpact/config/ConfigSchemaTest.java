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

/** schemas/config.schema.json names every top-level key of the config, and no other. */
class ConfigSchemaTest {
  private static JsonNode schema() throws IOException {
    return Json.mapper().readTree(Path.of("..", "schemas", "config.schema.json").toFile());
  }

  @Test
  void topLevelPropertiesAreTheConfigRecord() throws IOException {
    Set<String> components =
        Arrays.stream(JobConfig.class.getRecordComponents())
            .map(c -> new PropertyNamingStrategies.SnakeCaseStrategy().translate(c.getName()))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> properties = new TreeSet<>();
    schema().path("properties").fieldNames().forEachRemaining(properties::add);
    assertEquals(components, properties);
  }

  @Test
  void theCustomerShrinkDefaultIsTheCodes() throws IOException {
    JsonNode key = schema().path("properties").path("customers_max_shrink");
    assertEquals(JobConfig.DEFAULT_CUSTOMERS_MAX_SHRINK, key.path("default").asDouble());
    assertEquals(
        JobConfig.DEFAULT_CUSTOMERS_MAX_SHRINK,
        JobConfig.of(null, null, "lake", "reports").customersMaxShrink());
  }
}
