package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.config.ModelSettings.BlockingRuleSettings;
import fr.breachimpact.config.ModelSettings.ComparisonSettings;
import fr.breachimpact.config.ModelSettings.LevelSettings;
import fr.breachimpact.config.ModelSettings.PriorSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings become comparisons and rules, or one line naming the file and the key. */
class ModelDefinitionTest {
  private static LevelSettings level(String kind) {
    return new LevelSettings(kind, null, null, null, null, null, null);
  }

  private static ModelSettings settings(ComparisonSettings c, BlockingRuleSettings rule) {
    return new ModelSettings(List.of(c), List.of(rule), null);
  }

  private static String error(ModelSettings s) {
    return assertThrows(
            ConfigException.class, () -> ModelDefinition.forLink(s, "cfg.json", "link.model"))
        .getMessage();
  }

  private static final BlockingRuleSettings EMAIL =
      new BlockingRuleSettings("email", List.of("email_det"));

  @Test
  void theShippedModelsBuild() {
    ModelDefinition link =
        ModelDefinition.forLink(ModelSettings.linkDefaults(), "default", "link.model");
    ModelDefinition dedupe =
        ModelDefinition.forDedupe(ModelSettings.dedupeDefaults(), "default", "resolve.model");
    assertTrue(link.comparisons().size() >= 10);
    assertEquals(List.of("first_name_key", "last_name_key"), link.termFrequencyColumns());
    assertFalse(dedupe.rules().isEmpty());
  }

  @Test
  void anUnknownLevelKindNamesItsKey() {
    ComparisonSettings c =
        new ComparisonSettings(
            "first_name", "first_name_key", List.of(level("soundex")), null, null, null);
    String message = error(settings(c, EMAIL));
    assertTrue(
        message.startsWith(
            "cfg.json: link.model.comparisons[0].levels[0].kind: unknown level kind 'soundex'"),
        message);
  }

  @Test
  void aLevelWithoutItsParameterNamesTheParameter() {
    ComparisonSettings c =
        new ComparisonSettings(
            "first_name", "first_name_key", List.of(level("jaro_winkler")), null, null, null);
    assertTrue(
        error(settings(c, EMAIL))
            .contains("link.model.comparisons[0].levels[0].threshold: required"));
  }

  @Test
  void anUnknownColumnOrKeyFunctionNamesItsKey() {
    ComparisonSettings bad =
        new ComparisonSettings("x", "shoe_size", List.of(level("exact")), null, null, null);
    assertTrue(
        error(settings(bad, EMAIL))
            .contains("link.model.comparisons[0].column: unknown comparable column 'shoe_size'"));
    ComparisonSettings ok =
        new ComparisonSettings("email", "email", List.of(level("exact")), null, null, null);
    BlockingRuleSettings rule = new BlockingRuleSettings("r", List.of("metaphone(last_name_key)"));
    assertTrue(
        error(settings(ok, rule))
            .contains("link.model.blocking_rules[0].keys[0]: unknown key function 'metaphone'"));
  }

  @Test
  void aComparisonIsNotTrainedOnTheRulesThatKeyOnItsColumns() {
    ModelDefinition link =
        ModelDefinition.forLink(ModelSettings.linkDefaults(), "default", "link.model");
    boolean[][] active = link.activeFields();
    int email = link.ruleNames().indexOf("email");
    int names = link.ruleNames().indexOf("sorted_names+birth_date");
    List<String> fields = link.comparisons().stream().map(Comparison::field).toList();
    assertFalse(active[email][fields.indexOf("email")]);
    assertTrue(active[email][fields.indexOf("birth_date")]);
    assertFalse(active[names][fields.indexOf("first_name")]);
    assertFalse(active[names][fields.indexOf("last_name")]);
    assertFalse(active[names][fields.indexOf("birth_date")]);
    assertTrue(active[names][fields.indexOf("address")]);
  }

  @Test
  void aDeterministicRuleOnAnUnknownComparisonOrLevelNamesItsKey() {
    ComparisonSettings email =
        new ComparisonSettings("email", "email", List.of(level("exact")), null, null, null);
    ModelSettings unknownField =
        new ModelSettings(
            List.of(email),
            List.of(EMAIL),
            new PriorSettings(List.of(Map.of("phone", "exact")), 0.8));
    assertTrue(
        error(unknownField)
            .startsWith(
                "cfg.json: link.model.prior.deterministic_rules[0].phone: no comparison of that name"),
        error(unknownField));
    ModelSettings unknownLevel =
        new ModelSettings(
            List.of(email),
            List.of(EMAIL),
            new PriorSettings(List.of(Map.of("email", "else")), 0.8));
    assertTrue(
        error(unknownLevel)
            .contains(
                "link.model.prior.deterministic_rules[0].email: 'else' is not a level of email"));
    ModelSettings badRecall =
        new ModelSettings(
            List.of(email),
            List.of(EMAIL),
            new PriorSettings(List.of(Map.of("email", "exact")), 1.5));
    assertTrue(error(badRecall).contains("link.model.prior.recall: a share in (0, 1]"));
  }

  @Test
  void thePriorCountsThePairsAnyDeterministicRuleAcceptsOverTheRecall() {
    ModelDefinition link =
        ModelDefinition.forLink(ModelSettings.linkDefaults(), "default", "link.model");
    List<String> fields = link.comparisons().stream().map(Comparison::field).toList();
    int[] emailOnly = new int[fields.size()];
    int[] namesAndDate = new int[fields.size()];
    int[] namesOnly = new int[fields.size()];
    Arrays.fill(emailOnly, -1);
    Arrays.fill(namesAndDate, -1);
    Arrays.fill(namesOnly, -1);
    emailOnly[fields.indexOf("email")] = 0;
    for (String f : List.of("first_name", "last_name", "birth_date")) {
      namesAndDate[fields.indexOf(f)] = 0;
    }
    namesOnly[fields.indexOf("first_name")] = 0;
    namesOnly[fields.indexOf("last_name")] = 0;
    List<PatternCount> patterns =
        List.of(
            new PatternCount(0, 1, emailOnly, 30),
            new PatternCount(1, 2, namesAndDate, 50),
            new PatternCount(1, 2, namesOnly, 1000));
    assertEquals(80, link.prior().acceptedPairs(patterns));
    assertEquals(80 / 0.8 / 1e6, link.prior().prior(patterns, 1e6), 1e-15);
  }

  @Test
  void aRulesOwnBlockBoundBelowTwoNamesItsKey() {
    ComparisonSettings email =
        new ComparisonSettings("email", "email", List.of(level("exact")), null, null, null);
    BlockingRuleSettings one = new BlockingRuleSettings("email", List.of("email_det"), 1);
    assertTrue(
        error(settings(email, one))
            .contains("link.model.blocking_rules[0].max_block_size: at least 2"),
        error(settings(email, one)));
    assertEquals(
        8,
        ModelDefinition.forDedupe(ModelSettings.dedupeDefaults(), "default", "resolve.model")
            .rules()
            .stream()
            .filter(r -> r.name().equals("first_name+postcode"))
            .findFirst()
            .orElseThrow()
            .maxBlockSize(50));
  }

  @Test
  void kindsOnALinkRuleOrAnUnknownKindNamesItsKey() {
    ComparisonSettings email =
        new ComparisonSettings("email", "email", List.of(level("exact")), null, null, null);
    BlockingRuleSettings onLink =
        new BlockingRuleSettings("email", List.of("email_det"), null, List.of("record"));
    assertTrue(
        error(settings(email, onLink)).contains("link.model.blocking_rules[0].kinds: resolve only"),
        error(settings(email, onLink)));
    BlockingRuleSettings unknown =
        new BlockingRuleSettings("email", List.of("email"), null, List.of("record", "person"));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> BlockingKeys.forDedupe(unknown, "model.json", "resolve.model.blocking_rules[2]"));
    assertTrue(
        e.getMessage().contains("resolve.model.blocking_rules[2].kinds[1]: unknown kind 'person'"),
        e.getMessage());
  }
}
