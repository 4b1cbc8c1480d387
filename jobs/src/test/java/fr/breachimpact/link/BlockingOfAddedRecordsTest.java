package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.link.CleanRows.Rec;
import fr.breachimpact.spark.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Blocking a part of the leaked records (an incident added to the lake) against the whole: the
 * part's pairs are those the whole gives it, and the earlier records whose blocks the added ones
 * push past the bound on a block's pairs are found, since they lose pairs.
 */
class BlockingOfAddedRecordsTest {
  private static final String EARLIER = "auchan-2025-08";
  private static final String ADDED = "auchan-2026-11";
  private static final String BRAND = "Auchan";

  private static List<BlockingRule> rules;
  private static Dataset<Row> leaked;
  private static Dataset<Row> customers;

  @BeforeAll
  static void sides() {
    CleanRows records =
        CleanRows.leaked()
            // Two earlier records and an added one share a mailbox one customer has.
            .add(Rec.of("r-earlier-1", EARLIER).email("jdupont75@gmail.com"))
            .add(Rec.of("r-earlier-2", EARLIER).email("jdupont75@gmail.com"))
            .add(Rec.of("r-added-1", ADDED).email("jdupont75@gmail.com"))
            // An earlier record in a block the added ones do not touch.
            .add(Rec.of("r-earlier-3", EARLIER).email("mlefevre@free.fr"));
    CleanRows held =
        CleanRows.customers()
            .add(Rec.of("c-dupont", BRAND).email("jdupont75@gmail.com"))
            .add(Rec.of("c-lefevre", BRAND).email("mlefevre@free.fr"));
    ModelDefinition model =
        ModelDefinition.forLink(ModelSettings.linkDefaults(), "default", "link.model");
    rules = model.rules();
    leaked =
        LinkSides.leaked(
            records.frame(),
            LinkSides.incidentBrands(
                TestSpark.session(), Map.of(EARLIER, List.of(BRAND), ADDED, List.of(BRAND))));
    customers = LinkSides.customers(held.frame(), 3, model.termFrequencyColumns());
  }

  @Test
  void anAddedRecordPushingABlockPastItsBoundShiftsTheEarlierRecordsInIt() {
    // Two records and one customer: 2 pairs, within a bound of 2; three records: 3, past it.
    assertEquals(Set.of("r-earlier-1", "r-earlier-2"), shifted(2));
  }

  @Test
  void aBlockStillWithinItsBoundShiftsNoRecord() {
    assertEquals(Set.of(), shifted(3));
  }

  @Test
  void thePairsOfAPartAreThoseTheWholeGivesIt() {
    for (long bound : List.of(2L, 3L)) {
      Set<String> part = Set.of("r-added-1", "r-earlier-1", "r-earlier-3");
      Set<String> whole =
          strings(
              Blocking.pairs(leaked, customers, rules, 200, bound)
                  .where(col("l_record_id").isin(part.toArray())));
      Dataset<Row> partKeys =
          Blocking.leakedKeys(leaked.where(col("l_record_id").isin(part.toArray())), rules);
      Dataset<Row> allKeys =
          Blocking.inBlocksOf(Blocking.leakedKeys(leaked, rules), partKeys, partKeys.count());
      Set<String> ofPart =
          strings(
              Blocking.pairsOfPart(
                  partKeys, Blocking.partBlocks(partKeys, allKeys, customers, rules, 200), bound));
      assertEquals(whole, ofPart, "bound " + bound);
      if (bound == 3L) {
        assertFalse(ofPart.isEmpty(), "within the bound, the shared mailbox pairs");
      }
    }
  }

  @Test
  void theKeysOfAPartsBlocksAreAllKeptAndMostOthersDropped() {
    // 2,000 blocks of two records each; the part holds one record of the first 20.
    List<Row> rows = new ArrayList<>();
    for (long block = 0; block < 2000; block++) {
      rows.add(RowFactory.create("r-" + block + "-a", 0, block));
      rows.add(RowFactory.create("r-" + block + "-b", 0, block));
    }
    StructType schema =
        new StructType()
            .add("l_record_id", DataTypes.StringType)
            .add("rule", DataTypes.IntegerType)
            .add("_bk", DataTypes.LongType);
    Dataset<Row> keys = TestSpark.session().createDataFrame(rows, schema);
    Dataset<Row> part = keys.where(col("_bk").lt(20).and(col("l_record_id").endsWith("-a")));

    List<Row> kept = Blocking.inBlocksOf(keys, part, part.count()).collectAsList();

    Set<Long> keptBlocks = new TreeSet<>();
    kept.forEach(r -> keptBlocks.add(r.getLong(2)));
    for (long block = 0; block < 20; block++) {
      assertTrue(keptBlocks.contains(block), "block " + block + " of the part");
    }
    assertEquals(40, kept.stream().filter(r -> r.getLong(2) < 20).count());
    // A 5 % false-positive filter lets about 100 of the 3,960 other rows through.
    assertTrue(kept.size() < 40 + 400, "kept " + kept.size() + " of 4,000 rows");
  }

  private static Set<String> shifted(long maxBlockPairs) {
    Set<String> ids = new TreeSet<>();
    Dataset<Row> addedKeys =
        Blocking.leakedKeys(leaked.where(col("l_incident_id").equalTo(ADDED)), rules);
    Dataset<Row> allKeys =
        Blocking.inBlocksOf(Blocking.leakedKeys(leaked, rules), addedKeys, addedKeys.count());
    for (Row r :
        Blocking.shiftedRecords(
                allKeys,
                addedKeys,
                Blocking.partBlocks(addedKeys, allKeys, customers, rules, 200),
                maxBlockPairs)
            .collectAsList()) {
      ids.add(r.getString(0));
    }
    return ids;
  }

  private static Set<String> strings(Dataset<Row> pairs) {
    Set<String> out = new TreeSet<>();
    for (Row r : pairs.collectAsList()) {
      out.add(
          r.getAs("l_record_id")
              + " "
              + r.getAs("r_customer_id")
              + " "
              + r.getAs("rule")
              + " "
              + r.getAs("rules"));
    }
    return out;
  }
}
