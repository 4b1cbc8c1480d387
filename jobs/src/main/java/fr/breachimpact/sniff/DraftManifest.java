package fr.breachimpact.sniff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.config.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft manifest: the files' layout as proposed, and placeholders for what only a person knows.
 * Each placeholder is a text where the manifest expects a date, a number or a boolean, so reading
 * the manifest (and so ingestion) refuses it, naming the field, until it is filled.
 */
public final class DraftManifest {
  /** Field -> placeholder text; the keys are the fields the validation refuses until filled. */
  public static final Map<String, String> PLACEHOLDERS = placeholders();

  private DraftManifest() {}

  private static Map<String, String> placeholders() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("dates.occurred", "FILL IN: yyyy-MM-dd, first day the breach is known to have happened");
    p.put(
        "dates.became_aware",
        "FILL IN: yyyy-MM-ddTHH:mm:ss+01:00, when the controller became aware (GDPR art. 33 clock)");
    p.put("dates.disclosed", "FILL IN: yyyy-MM-dd, or remove the key if it was not made public");
    p.put("claimed_total_affected", "FILL IN: the total the attackers claim (a number), or null");
    p.put(
        "circumstances.malicious",
        "FILL IN: true or false (and set confidentiality, integrity, availability)");
    return Collections.unmodifiableMap(p);
  }

  public static ObjectNode build(String incidentId, List<FileProposal> files) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("incident_id", incidentId);
    ObjectNode dates = root.putObject("dates");
    dates.put("occurred", PLACEHOLDERS.get("dates.occurred"));
    dates.put("became_aware", PLACEHOLDERS.get("dates.became_aware"));
    dates.put("disclosed", PLACEHOLDERS.get("dates.disclosed"));
    root.put("claimed_total_affected", PLACEHOLDERS.get("claimed_total_affected"));
    ObjectNode c = root.putObject("circumstances");
    c.put("confidentiality", "none");
    c.put("integrity", "none");
    c.put("availability", "none");
    c.put("malicious", PLACEHOLDERS.get("circumstances.malicious"));
    var array = root.putArray("files");
    for (FileProposal f : files) {
      ObjectNode file = Json.mapper().valueToTree(f.spec());
      // The record keeps its maps unordered; the draft lists them in column order, to read beside
      // the file.
      ObjectNode mapping = file.putObject("mapping");
      ObjectNode categories = file.putObject("categories");
      for (ColumnProposal col : f.columns()) {
        if (col.field() != null) {
          mapping.put(col.column(), col.field().columnName());
        } else if (col.category() != null) {
          categories.put(col.column(), col.category().name());
        }
      }
      file.set("categories", file.remove("categories"));
      file.set("multiline", file.remove("multiline"));
      array.add(file);
    }
    return root;
  }
}
