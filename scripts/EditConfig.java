// Sets keys of a JSON config in place (Jackson from the jobs' classpath; no Python, no jq).
//   java -cp <classpath> scripts/EditConfig.java FILE KEY=VALUE...
// KEY is a dotted path of object keys (link.u_sample_pairs), created where missing, and of array
// elements by number (customers.0.path, which must exist); VALUE is JSON
// (20000, true, {"spark.sql.shuffle.partitions":"4"}, "text"), or else taken as a string.
// The file is written back pretty-printed.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;

public class EditConfig {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: EditConfig FILE KEY=VALUE...");
      System.exit(2);
    }
    ObjectMapper json = new ObjectMapper();
    File file = new File(args[0]);
    ObjectNode root = (ObjectNode) json.readTree(file);
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        System.err.println("EditConfig: not KEY=VALUE: " + args[i]);
        System.exit(2);
      }
      String[] path = args[i].substring(0, eq).split("\\.");
      String text = args[i].substring(eq + 1);
      JsonNode value;
      try {
        value = json.readTree(text);
      } catch (Exception notJson) {
        value = json.getNodeFactory().textNode(text);
      }
      if (value == null || value.isMissingNode()) {
        value = json.getNodeFactory().textNode(text);
      }
      JsonNode parent = root;
      for (int p = 0; p < path.length - 1; p++) {
        if (parent instanceof ArrayNode array) {
          parent = array.get(index(array, path[p], args[i]));
          continue;
        }
        JsonNode child = parent.get(path[p]);
        parent = child instanceof ObjectNode || child instanceof ArrayNode ? child : ((ObjectNode) parent).putObject(path[p]);
      }
      String last = path[path.length - 1];
      if (parent instanceof ArrayNode array) {
        array.set(index(array, last, args[i]), value);
      } else {
        ((ObjectNode) parent).set(last, value);
      }
    }
    java.nio.file.Files.writeString(file.toPath(), json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  /** An array element by its number (customers.0.path); none past the end: that is a typo. */
  static int index(ArrayNode array, String segment, String arg) {
    try {
      int i = Integer.parseInt(segment);
      if (i >= 0 && i < array.size()) {
        return i;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    System.err.println("EditConfig: no element " + segment + " in an array of " + array.size() + ": " + arg);
    System.exit(2);
    return -1;
  }
}
