package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.breachimpact.config.LinkConfig;
import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An incident added to the lake, linked alone with a stored model ({@link
 * CustomerLinkage#linkAdded}), gives its records, and the earlier records whose blocks it pushes
 * past the bound on a block's pairs, the matches and pairs a full linkage with the same model gives
 * them.
 */
class LinkOfAddedIncidentTest {
  private static final String ADDED = SyntheticPopulation.FT_LEAK;

  private static SyntheticPopulation data;
  private static Dataset<Row> brands;
  private static ModelDefinition definition;
  private static FellegiSunterModel model;

  @BeforeAll
  static void trained() {
    data = new SyntheticPopulation(400, 11);
    brands =
        LinkSides.incidentBrands(
            TestSpark.session(),
            Map.of(SyntheticPopulation.AUCHAN_LEAK, List.of("Auchan"), ADDED, List.of()));
    definition = ModelDefinition.forLink(ModelSettings.linkDefaults(), "default", "link.model");
    CustomerLinkage.Result trained =
        CustomerLinkage.link(
            data.leaked, data.customers, brands, LinkConfig.defaults(), definition, null);
    model = trained.model();
    trained.release();
  }

  @Test
  void anAddedIncidentWithinEveryBoundIsLinkedAsAFullLinkageLinksIt() {
    CustomerLinkage.Added added = linkAdded(LinkConfig.defaults(), 1000);
    assertNotNull(added.linked());
    assertEquals(List.of(), added.shifted());
    assertSameAsFull(added, LinkConfig.defaults());
  }

  @Test
  void earlierRecordsWhoseBlocksTheAddedOnesPushPastTheBoundAreLinkedAgainWithThem() {
    // One pair per block at most: an added record in the block of an earlier record and its
    // customer takes the block past the bound, and the earlier record loses that pair.
    LinkConfig tight = withMaxBlockPairs(1);
    CustomerLinkage.Added added = linkAdded(tight, 1000);
    assertNotNull(added.linked());
    assertFalse(added.shifted().isEmpty(), "some earlier records shifted");
    assertSameAsFull(added, tight);
  }

  @Test
  void moreShiftedRecordsThanAllowedLinkNothing() {
    CustomerLinkage.Added added = linkAdded(withMaxBlockPairs(1), 0);
    assertNull(added.linked());
    assertFalse(added.shifted().isEmpty());
  }

  private static CustomerLinkage.Added linkAdded(LinkConfig config, int maxShifted) {
    return CustomerLinkage.linkAdded(
        data.leaked, Set.of(ADDED), data.customers, brands, config, definition, model, maxShifted);
  }

  /** The part's matches and candidate pairs, row for row, against a full run's with the model. */
  private static void assertSameAsFull(CustomerLinkage.Added added, LinkConfig config) {
    CustomerLinkage.Result full =
        CustomerLinkage.link(data.leaked, data.customers, brands, config, definition, model);
    List<String> part = new ArrayList<>(added.shifted());
    data
        .leaked
        .where(col("incident_id").equalTo(ADDED))
        .select("record_id")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .forEach(part::add);
    CustomerLinkage.Result linked = added.linked();
    Frames.assertEqualIgnoringOrder(
        full.matches().where(col("record_id").isin(part.toArray())), linked.matches());
    Frames.assertEqualIgnoringOrder(
        pairs(full).where(col("record_id").isin(part.toArray())), pairs(linked));
    full.release();
    linked.release();
  }

  private static Dataset<Row> pairs(CustomerLinkage.Result result) {
    return MatchSelection.candidates(
        result.scoredPairs(),
        List.copyOf(result.pairsPerRule().keySet()),
        result.model().comparisons());
  }

  private static LinkConfig withMaxBlockPairs(int maxBlockPairs) {
    LinkConfig d = LinkConfig.defaults();
    return new LinkConfig(
        d.maxCustomersPerKey(),
        d.matchThreshold(),
        d.allAboveThreshold(),
        d.maxBlockSize(),
        maxBlockPairs,
        d.uSamplePairs(),
        d.emMaxIterations(),
        d.emTolerance(),
        d.seed(),
        d.retrainDrift(),
        null);
  }
}
