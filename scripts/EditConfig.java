// Sets keys of a JSON config in place (Jackson from the jobs' classpath; no Python, no jq).
//   java -cp <classpath> scripts/EditConfig.java FILE KEY=VALUE...
// KEY is a dotted path of object keys (link.u_sample_pairs), created where missing; VALUE is JSON
// (20000, true, {"spark.sql.shuffle.partitions":"4"}, "text"), or else taken as a string.
// The file is written back pretty-printed.
import com.fasterxml.jackson.databind.JsonNode;
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
      ObjectNode parent = root;
      for (int p = 0; p < path.length - 1; p++) {
        JsonNode child = parent.get(path[p]);
        parent = child instanceof ObjectNode o ? o : parent.putObject(path[p]);
      }
      parent.set(path[path.length - 1], value);
    }
    java.nio.file.Files.writeString(file.toPath(), json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }
}
