package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.ModelSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which model a run scores with: a given file, a retrain, or the stored one while it still fits.
 */
class ModelStoreTest {
  private static final ModelSettings SETTINGS = ModelSettings.linkDefaults();
  private static final ModelDefinition DEFINITION =
      ModelDefinition.forLink(SETTINGS, "default", "link.model");

  @TempDir Path lake;

  private static FellegiSunterModel model() {
    var c = DEFINITION.comparisons();
    double[][] u = new double[c.size()][];
    for (int f = 0; f < c.size(); f++) {
      int n = c.get(f).levels().size();
      u[f] = new double[n];
      for (int l = 0; l < n; l++) {
        u[f][l] = l == n - 1 ? 0.9 : 0.1 / (n - 1);
      }
    }
    return new FellegiSunterModel(c, ExpectationMaximisation.initialM(c), u, 1e-4, 5);
  }

  private ModelStore store() {
    return new ModelStore(new Configuration(), lake.toString(), "link");
  }

  @Test
  void theStoredModelIsReusedWhileTheSizesStayWithinTheBoundAndRetrainedPastIt() {
    ModelStore store = store();
    assertTrue(
        store.choose(null, false, DEFINITION, SETTINGS, 1000, 2000, 0.25).train(),
        "nothing stored yet");
    FellegiSunterModel trained = model();
    store.save(ModelTraining.Trained.fixed(trained), SETTINGS, 1000, 2000, 1500);

    ModelStore.Choice reused = store.choose(null, false, DEFINITION, SETTINGS, 1100, 2000, 0.25);
    assertEquals(ModelFile.id(trained), ModelFile.id(reused.model()), reused.reason());
    assertTrue(
        store.choose(null, false, DEFINITION, SETTINGS, 1300, 2000, 0.25).train(), "records +30 %");
    assertTrue(
        store.choose(null, false, DEFINITION, SETTINGS, 1000, 1000, 0.25).train(),
        "customers -50 %");
    assertTrue(
        store.choose(null, true, DEFINITION, SETTINGS, 1000, 2000, 0.25).train(), "retrain asked");
  }

  @Test
  void aModelFileMadeUnderOtherSettingsIsRefusedNamingTheKey() throws Exception {
    ModelSettings other = ModelSettings.dedupeDefaults();
    Path file = lake.resolve("other.json");
    Files.writeString(
        file,
        ModelFile.toJson(
            ModelTraining.Trained.fixed(model()), "link", other, Json.mapper().createObjectNode()));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> store().choose(file.toString(), false, DEFINITION, SETTINGS, 1, 1, 0.25));
    assertTrue(e.getMessage().startsWith(file + ": settings_hash: "), e.getMessage());
  }

  @Test
  void aModelFileRoundTripsItsWeights() {
    FellegiSunterModel m = model();
    String json =
        ModelFile.toJson(
            ModelTraining.Trained.fixed(m), "link", SETTINGS, Json.mapper().createObjectNode());
    FellegiSunterModel back = ModelFile.fromJson(json, "model.json", DEFINITION, SETTINGS);
    assertEquals(ModelFile.id(m), ModelFile.id(back));
    assertEquals(m.prior(), back.prior());
  }

  @Test
  void aModelFileKeepsTheTermFrequencySummaryItWasTrainedWith() throws Exception {
    TermFrequencySummary lastNames = new TermFrequencySummary("last_name_key", 2, 4, 5, 0.6, 0.4);
    String json =
        ModelFile.toJson(
            new ModelTraining.Trained(model(), null, 0, List.of(lastNames)),
            "link",
            SETTINGS,
            Json.mapper().createObjectNode());
    JsonNode tf = Json.mapper().readTree(json).path("term_frequencies");
    assertEquals(1, tf.size());
    assertEquals("last_name_key", tf.get(0).path("column").asText());
    assertEquals(2, tf.get(0).path("values").asLong());
    assertEquals(0.4, tf.get(0).path("agreement_probability").asDouble(), 1e-12);
  }
}
