package fr.breachimpact.resolve;

import static fr.breachimpact.testing.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.resolve.Fixtures.Ident;
import fr.breachimpact.testing.Frames;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CandidatePairsTest {
  private static Dataset<Row> pairs(List<Row> records, List<Row> customers, int maxBlockSize) {
    Dataset<Row> parties = Parties.all(Fixtures.records(records), Fixtures.customers(customers));
    return CandidatePairs.pairs(parties, Fixtures.DEDUPE.rules(), maxBlockSize)
        .select("node_a", "node_b");
  }

  /** Each pair as many times as expected (once), in any order. */
  private static void assertPairs(Dataset<Row> actual, Object[]... expected) {
    Frames.assertEqualIgnoringOrder(Frames.frame("node_a STRING, node_b STRING", expected), actual);
  }

  @Test
  void partiesOfOneKindSharingAKeyPairOnceInIdOrderAndRecordsNeverPairWithCustomers() {
    Ident lea =
        new Ident("lea", "morel", "1990-05-17", "lea.morel@free.fr", "+33612345678", "59000");
    List<Row> records = List.of(lea.record("rb", "i1"), lea.withEmail(null).record("ra", "i2"));
    List<Row> customers =
        List.of(
            lea.customer("c1", "Auchan", "Mulliez"), lea.customer("c2", "Leroy Merlin", "Mulliez"));
    // Several rules agree on each pair (phone, names and birth date, ...): one row each.
    assertPairs(
        pairs(records, customers, 50),
        row("c|Auchan|c1", "c|Leroy Merlin|c2"),
        row("r|ra", "r|rb"));
  }

  @Test
  void blockLargerThanTheBoundForOneKindGivesNoPairsOfThatKindOnly() {
    // Five records and two customers share one phone and nothing else; bound 4 per kind.
    String phone = "+33698765432";
    List<Row> records = new ArrayList<>();
    String[] firsts = {"anne", "bruno", "chloe", "denis", "elise"};
    for (int i = 0; i < firsts.length; i++) {
      records.add(new Ident(firsts[i], "n" + i, null, null, phone, null).record("r" + i, "i1"));
    }
    List<Row> customers =
        List.of(
            new Ident("farid", "x", null, null, phone, null).customer("c1", "Auchan", "Mulliez"),
            new Ident("gael", "y", null, null, phone, null).customer("c2", "Auchan", "Mulliez"));
    assertPairs(pairs(records, customers, 4), row("c|Auchan|c1", "c|Auchan|c2"));
    assertEquals(10 + 1, pairs(records, customers, 5).count());
  }

  @Test
  void oneNameAndABirthDatePairOnlyWithAThirdIdentifierAgreeing() {
    // Records of other persons but for one name and the date: the department (first name rule)
    // or the first initial (last name rule) must agree as well.
    List<Row> records =
        List.of(
            new Ident("marie", "dupont", "1980-01-01", null, null, "75011").record("r1", "i1"),
            new Ident("marie", "durand", "1980-01-01", null, null, "75005").record("r2", "i1"),
            new Ident("marie", "lefevre", "1980-01-01", null, null, "13001").record("r3", "i1"),
            new Ident("jean", "martin", "1975-02-02", null, null, null).record("r4", "i1"),
            new Ident("jeanne", "martin", "1975-02-02", null, null, null).record("r5", "i1"),
            new Ident("paul", "martin", "1975-02-02", null, null, null).record("r6", "i1"));
    assertPairs(pairs(records, List.of(), 50), row("r|r1", "r|r2"), row("r|r4", "r|r5"));
  }

  @Test
  void aRuleForRecordsOnlyPairsNamesakeRecordsButNotNamesakeCustomers() {
    // Same first name and postcode, nothing else: only the records-only name + postcode rule
    // blocks them, so the two records pair and the two customers do not.
    List<Row> records =
        List.of(
            new Ident("sacha", "roux", null, null, null, "59000").record("r1", "i1"),
            new Ident("sacha", "blanc", null, null, null, "59000").record("r2", "i2"));
    List<Row> customers =
        List.of(
            new Ident("sacha", "petit", null, null, null, "59000")
                .customer("c1", "Auchan", "Mulliez"),
            new Ident("sacha", "girard", null, null, null, "59000")
                .customer("c2", "Leroy Merlin", "Mulliez"));
    assertPairs(pairs(records, customers, 50), row("r|r1", "r|r2"));
  }
}
