package fr.breachimpact.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.ModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which model a stage scores with, and where trained models are kept: {@code
 * <lake>/models/<kind>-model.json} (the restricted zone: a model holds no personal data, but its
 * term frequencies describe the customers). A model file given on the command line wins; else the
 * last model is reused while its settings are the config's and the data it was trained on has not
 * drifted past the bound; else, or with {@code --retrain}, a new one is trained. The choice and its
 * reason are logged.
 */
public final class ModelStore {
  private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

  /** What to score with: a model, or null to train one, and why. */
  public record Choice(FellegiSunterModel model, String reason) {
    public boolean train() {
      return model == null;
    }
  }

  private final Configuration hadoop;
  private final String lakeDir;
  private final String kind;

  /**
   * @param kind {@code link} or {@code dedupe}
   */
  public ModelStore(Configuration hadoop, String lakeDir, String kind) {
    this.hadoop = hadoop;
    this.lakeDir = lakeDir;
    this.kind = kind;
  }

  public String path() {
    return lakeDir + "/models/" + kind + "-model.json";
  }

  /**
   * @param givenFile a model file from the command line, or null
   * @param retrain train whatever is stored
   * @param records the size of each side now, compared with what the stored model was trained on
   * @param maxDrift the relative change of a side's size past which the stored model is not reused
   */
  public Choice choose(
      String givenFile,
      boolean retrain,
      ModelDefinition definition,
      ModelSettings settings,
      long records,
      long customers,
      double maxDrift) {
    if (givenFile != null) {
      FellegiSunterModel m =
          ModelFile.fromJson(read(givenFile, true), givenFile, definition, settings);
      return log(new Choice(m, "model file given: " + givenFile));
    }
    if (retrain) {
      return log(new Choice(null, "retrain asked"));
    }
    String stored = read(path(), false);
    if (stored == null) {
      return log(new Choice(null, "no stored model"));
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(stored);
    } catch (IOException e) {
      return log(new Choice(null, "stored model unreadable"));
    }
    if (!ModelFile.settingsHash(settings).equals(root.path("settings_hash").asText())) {
      return log(new Choice(null, "settings changed since the stored model"));
    }
    double driftRecords = drift(root.path("trained_on").path("records").asLong(), records);
    double driftCustomers = drift(root.path("trained_on").path("customers").asLong(), customers);
    String sizes =
        String.format(
            Locale.ROOT,
            "records %+.1f %%, customers %+.1f %%",
            100 * driftRecords,
            100 * driftCustomers);
    if (Math.abs(driftRecords) > maxDrift || Math.abs(driftCustomers) > maxDrift) {
      return log(
          new Choice(null, "data drifted past " + Math.round(100 * maxDrift) + " %: " + sizes));
    }
    try {
      FellegiSunterModel m = ModelFile.fromJson(stored, path(), definition, settings);
      return log(new Choice(m, "stored model reused (settings unchanged, " + sizes + ")"));
    } catch (ConfigException e) {
      return log(new Choice(null, "stored model does not fit: " + e.getMessage()));
    }
  }

  private static double drift(long before, long now) {
    return before == 0 ? (now == 0 ? 0 : 1) : (double) (now - before) / before;
  }

  private Choice log(Choice c) {
    LOG.info("{} model: {}", kind, c.train() ? "training (" + c.reason() + ")" : c.reason());
    return c;
  }

  /** Keeps a trained model for the next runs. */
  public void save(
      ModelTraining.Trained trained,
      ModelSettings settings,
      long records,
      long customers,
      long pairs) {
    FellegiSunterModel model = trained.model();
    ObjectNode trainedOn = Json.mapper().createObjectNode();
    trainedOn.put("records", records);
    trainedOn.put("customers", customers);
    trainedOn.put("pairs", pairs);
    String json = ModelFile.toJson(trained, kind, settings, trainedOn);
    Path p = new Path(path());
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      Path tmp = new Path(p.getParent(), "." + p.getName() + ".tmp");
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(json.getBytes(StandardCharsets.UTF_8));
      }
      // Written whole, then moved: a reader never sees half a model.
      fs.delete(p, false);
      if (!fs.rename(tmp, p)) {
        throw new IOException("rename to " + p + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.info("{} model saved: {} id={}", kind, p, ModelFile.id(model));
  }

  private String read(String file, boolean required) {
    Path p = new Path(file);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        if (required) {
          throw new ConfigException(file + ": model file not found");
        }
        return null;
      }
      try (InputStream in = fs.open(p)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new ConfigException(file + ": unreadable model file (" + e.getMessage() + ")", e);
    }
  }
}
