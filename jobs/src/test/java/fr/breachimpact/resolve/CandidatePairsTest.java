package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.resolve.Fixtures.Ident;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CandidatePairsTest {
  private static Set<String> pairs(List<Row> records, List<Row> customers, int maxBlockSize) {
    Dataset<Row> parties = Parties.all(Fixtures.records(records), Fixtures.customers(customers));
    Set<String> out = new TreeSet<>();
    for (Row r : CandidatePairs.pairs(parties, Fixtures.DEDUPE.rules(), maxBlockSize).collectAsList()) {
      out.add(r.getString(0) + " " + r.getString(1));
    }
    return out;
  }

  @Test
  void partiesOfOneKindSharingAKeyPairOnceInIdOrderAndRecordsNeverPairWithCustomers() {
    Ident lea = new Ident("lea", "morel", "1990-05-17", "lea.morel@free.fr", "+33612345678", "59000");
    List<Row> records =
        List.of(lea.record("rb", "i1"), lea.withEmail(null).record("ra", "i2"));
    List<Row> customers =
        List.of(lea.customer("c1", "Auchan", "Mulliez"), lea.customer("c2", "Leroy Merlin", "Mulliez"));
    // Several rules agree on each pair (phone, names and birth date, ...): one row each.
    assertEquals(
        Set.of("c|Auchan|c1 c|Leroy Merlin|c2", "r|ra r|rb"),
        pairs(records, customers, 50));
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
    assertEquals(Set.of("c|Auchan|c1 c|Auchan|c2"), pairs(records, customers, 4));
    assertEquals(10 + 1, pairs(records, customers, 5).size());
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
    assertEquals(Set.of("r|r1 r|r2", "r|r4 r|r5"), pairs(records, List.of(), 50));
  }
}
