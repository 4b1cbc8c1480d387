package fr.breachimpact.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.ModelSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A trained model as a file ({@code model.json}): m, u and the weight of every level, the prior,
 * how EM went, a summary of the term frequencies it was trained with (no value), the hash of the
 * settings it was trained under and the code version. The file is what {@code link --model FILE}
 * scores with instead of training, and its id is kept on every match. A file made under other
 * settings is refused (one line naming the file and the key), so a model never scores comparisons
 * it was not trained on.
 */
public final class ModelFile {
  public static final String FORMAT = "breach-impact/fellegi-sunter-model/1";

  private ModelFile() {}

  /** SHA-256 of the settings as JSON: equal settings, equal hash. */
  public static String settingsHash(ModelSettings settings) {
    try {
      byte[] json = Json.mapper().writeValueAsBytes(settings);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The model's id: the first 16 hex of the SHA-256 of its m, u and prior. */
  public static String id(FellegiSunterModel model) {
    StringBuilder b = new StringBuilder();
    b.append(model.prior());
    for (int f = 0; f < model.m().length; f++) {
      for (int l = 0; l < model.m()[f].length; l++) {
        b.append('|').append(model.m()[f][l]).append(',').append(model.u()[f][l]);
      }
    }
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The model as JSON.
   *
   * @param kind {@code link} or {@code dedupe}
   * @param trainedOn counts of the data it was trained on (records, customers, pairs)
   */
  public static String toJson(
      ModelTraining.Trained trained, String kind, ModelSettings settings, ObjectNode trainedOn) {
    FellegiSunterModel model = trained.model();
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("model_id", id(model));
    root.put("kind", kind);
    root.put("code_version", codeVersion());
    root.put("settings_hash", settingsHash(settings));
    root.put("prior", model.prior());
    root.put("prior_weight", model.priorWeight());
    ObjectNode em = root.putObject("em");
    em.put("iterations", model.emIterations());
    em.put("converged", trained.converged());
    root.set("trained_on", trainedOn);
    ArrayNode frequencies = root.putArray("term_frequencies");
    for (TermFrequencySummary tf : trained.termFrequencies()) {
      ObjectNode tn = frequencies.addObject();
      tn.put("column", tf.column());
      tn.put("values", tf.values());
      tn.put("rows_with_value", tf.rowsWithValue());
      tn.put("rows", tf.rows());
      tn.put("max_share", tf.maxShare());
      tn.put("agreement_probability", tf.agreementProbability());
    }
    ArrayNode comparisons = root.putArray("comparisons");
    for (int f = 0; f < model.comparisons().size(); f++) {
      Comparison c = model.comparisons().get(f);
      ObjectNode cn = comparisons.addObject();
      cn.put("name", c.field());
      if (c.termFrequency() != null) {
        cn.put("term_frequency", c.termFrequency());
      }
      ArrayNode levels = cn.putArray("levels");
      for (int l = 0; l < c.levels().size(); l++) {
        ObjectNode ln = levels.addObject();
        ln.put("name", c.levels().get(l));
        ln.put("m", model.m()[f][l]);
        ln.put("u", model.u()[f][l]);
        ln.put("weight", FellegiSunterModel.log2(model.bayesFactor(f, l)));
      }
    }
    try {
      return Json.mapper().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a model file for the given definition and settings; any mismatch is one line naming the
   * file and the key.
   */
  public static FellegiSunterModel fromJson(
      String json, String file, ModelDefinition definition, ModelSettings settings) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new ConfigException(
          file
              + ": not a model file ("
              + e.getMessage().lines().findFirst().orElse("unreadable")
              + ")");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw ConfigException.at(file, "format", "expected '" + FORMAT + "'");
    }
    if (!settingsHash(settings).equals(root.path("settings_hash").asText())) {
      throw ConfigException.at(
          file, "settings_hash", "the model was trained under other model settings; retrain it");
    }
    List<Comparison> comparisons = definition.comparisons();
    JsonNode cs = root.path("comparisons");
    if (cs.size() != comparisons.size()) {
      throw ConfigException.at(
          file, "comparisons", comparisons.size() + " comparisons expected, found " + cs.size());
    }
    double[][] m = new double[comparisons.size()][];
    double[][] u = new double[comparisons.size()][];
    for (int f = 0; f < comparisons.size(); f++) {
      Comparison c = comparisons.get(f);
      JsonNode cn = cs.get(f);
      String at = "comparisons[" + f + "]";
      if (!c.field().equals(cn.path("name").asText())) {
        throw ConfigException.at(file, at + ".name", "expected '" + c.field() + "'");
      }
      JsonNode levels = cn.path("levels");
      if (levels.size() != c.levels().size()) {
        throw ConfigException.at(
            file, at + ".levels", c.levels().size() + " levels expected, found " + levels.size());
      }
      m[f] = new double[levels.size()];
      u[f] = new double[levels.size()];
      for (int l = 0; l < levels.size(); l++) {
        JsonNode ln = levels.get(l);
        String lat = at + ".levels[" + l + "]";
        if (!c.levels().get(l).equals(ln.path("name").asText())) {
          throw ConfigException.at(file, lat + ".name", "expected '" + c.levels().get(l) + "'");
        }
        m[f][l] = probability(ln, "m", file, lat);
        u[f][l] = probability(ln, "u", file, lat);
      }
    }
    double prior = probability(root, "prior", file, "");
    return new FellegiSunterModel(
        comparisons, m, u, prior, root.path("em").path("iterations").asInt());
  }

  private static double probability(JsonNode node, String key, String file, String at) {
    JsonNode v = node.get(key);
    String path = at.isEmpty() ? key : at + "." + key;
    if (v == null || !v.isNumber() || v.asDouble() <= 0 || v.asDouble() >= 1 + 1e-9) {
      throw ConfigException.at(file, path, "a probability in (0, 1] expected");
    }
    return v.asDouble();
  }

  static String codeVersion() {
    String v = ModelFile.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
