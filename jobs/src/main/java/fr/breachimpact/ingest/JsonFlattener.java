package fr.breachimpact.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Flattens a JSON object into dotted keys ({@code adresse.ville}) so that manifests map nested
 * values the same way as CSV columns. Arrays are kept as their JSON text.
 */
final class JsonFlattener {
  private JsonFlattener() {}

  static void flatten(JsonNode node, String prefix, Map<String, String> out, int maxKeys) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext() && out.size() <= maxKeys) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode value = e.getValue();
      if (value.isObject()) {
        flatten(value, key, out, maxKeys);
      } else if (value.isNull() || value.isMissingNode()) {
        out.putIfAbsent(key, null);
      } else if (value.isValueNode()) {
        out.putIfAbsent(key, value.asText());
      } else {
        out.putIfAbsent(key, value.toString());
      }
    }
  }
}
