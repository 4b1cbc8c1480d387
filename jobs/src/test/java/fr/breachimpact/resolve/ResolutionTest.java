package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.LinkConfig;
import fr.breachimpact.config.ResolveConfig;
import fr.breachimpact.resolve.Fixtures.Ident;
import fr.breachimpact.testing.Frames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nightly runs over a small population: the first with incidents inc-1 and inc-2, the second
 * adds inc-3. Held once for the class: each run is a dozen Spark jobs.
 */
class ResolutionTest {
  private static final Ident CAMILLE =
      new Ident("camille", "lefebvre", "1984-03-12", "camille.lefebvre@orange.fr", null, "59000");
  private static final Ident JEAN = new Ident("jean", "martin", "1990-01-01", null, null, "75011");
  private static final Ident LEA = new Ident("lea", "dubois", null, null, null, "33000");
  private static final String LEA_EMAIL = "lea.dubois@gmail.com";
  private static final String LEA_PHONE = "+33677889901";
  private static final int HUB_PEOPLE = 100;
  private static final String[] FIRSTS = {
    "anne", "bruno", "claire", "denis", "emma", "fabien", "gilles", "helene", "julie", "kevin"
  };
  private static final String[] LASTS = {
    "moreau",
    "petit",
    "durand",
    "leroy",
    "simon",
    "laurent",
    "michel",
    "garcia",
    "david",
    "bertrand"
  };

  private static Resolution.Output run1;
  private static Resolution.Output run2;
  private static Map<String, String> ids1;
  private static Map<String, String> ids2;

  @BeforeAll
  static void runTwice() {
    List<Row> records = new ArrayList<>();
    records.add(CAMILLE.record("r01", "inc-1"));
    records.add(
        CAMILLE
            .withEmail(CAMILLE.email())
            .withPhone("+33611223344")
            .withBirthDate(null)
            .record("r02", "inc-2"));
    records.add(JEAN.record("r10", "inc-1"));
    records.add(LEA.withEmail(LEA_EMAIL).withBirthDate("1995-07-07").record("r20", "inc-1"));
    records.add(LEA.withPhone(LEA_PHONE).record("r21", "inc-2"));
    // A hundred different people behind one placeholder email and one placeholder phone.
    for (int i = 0; i < HUB_PEOPLE; i++) {
      records.add(
          new Ident(
                  FIRSTS[i % 10],
                  LASTS[i / 10],
                  null,
                  "contact@boutique.fr",
                  "+33600000000",
                  "13001")
              .record(String.format("h%03d", i), "inc-2"));
    }
    List<Row> customers = new ArrayList<>();
    customers.add(CAMILLE.customer("A-1", "Auchan", "Mulliez"));
    customers.add(CAMILLE.withPhone("+33611223344").customer("L-1", "Leroy Merlin", "Mulliez"));
    customers.add(
        new Ident("x", "y", null, null, null, null).customer("A-HUB", "Auchan", "Mulliez"));
    List<Row> matches = new ArrayList<>();
    matches.add(Fixtures.match("r01", "inc-1", "A-1", "Auchan"));
    for (int i = 0; i < 10; i++) {
      // A customer that the link stage matched with ten different people: a hub too.
      matches.add(Fixtures.match(String.format("h%03d", i), "inc-2", "A-HUB", "Auchan"));
    }

    run1 =
        Resolution.run(
            new Resolution.Inputs(
                Fixtures.records(records),
                Fixtures.customers(customers),
                Fixtures.matches(matches),
                null,
                null,
                null),
            ResolveConfig.defaults(),
            Fixtures.DEDUPE,
            LinkConfig.defaults(),
            Fixtures.MODEL,
            LocalDate.of(2026, 11, 28));
    ids1 = ids(run1);

    records.add(
        CAMILLE
            .withFirst("camile")
            .withEmail(null)
            .withBirthDate(null)
            .withPhone("+33611223344")
            .record("r03", "inc-3"));
    records.add(JEAN.withBirthDate(null).record("r11", "inc-3"));
    records.add(LEA.withEmail(LEA_EMAIL).withPhone(LEA_PHONE).record("r22", "inc-3"));
    ResolveConfig reviewAboveFour =
        new ResolveConfig(4, null, null, null, null, null, null, null, null);
    run2 =
        Resolution.run(
            new Resolution.Inputs(
                Fixtures.records(records),
                Fixtures.customers(customers),
                Fixtures.matches(matches),
                run1.recordPerson().localCheckpoint(),
                run1.customerPerson().localCheckpoint(),
                run1.persons().localCheckpoint()),
            reviewAboveFour,
            Fixtures.DEDUPE,
            LinkConfig.defaults(),
            Fixtures.MODEL,
            LocalDate.of(2026, 11, 29));
    ids2 = ids(run2);
  }

  /** record or customer id -> person id. */
  private static Map<String, String> ids(Resolution.Output out) {
    Map<String, String> ids = new TreeMap<>();
    out.recordPerson().collectAsList().forEach(r -> ids.put(r.getString(0), r.getString(2)));
    out.customerPerson().collectAsList().forEach(r -> ids.put(r.getString(0), r.getString(2)));
    return ids;
  }

  @Test
  void recordsAndCustomersOfOnePersonShareAnId() {
    String camille = ids1.get("r01");
    assertEquals(camille, ids1.get("r02"), "same email across incidents");
    assertEquals(camille, ids1.get("A-1"), "matched customer");
    assertEquals(camille, ids1.get("L-1"), "customer of the other brand");
    assertNotEquals(camille, ids1.get("r10"));
  }

  @Test
  void chainAcrossThreeIncidentsIsOnePerson() {
    String camille = ids2.get("r01");
    assertEquals(camille, ids2.get("r03"), "inc-3 record linked through the inc-2 phone");
    Row person = run2.persons().where(col("person_id").equalTo(camille)).first();
    assertEquals(3L, person.<Long>getAs("record_count"));
    assertEquals(3L, person.<Long>getAs("incident_count"));
    assertEquals(2L, person.<Long>getAs("customer_count"));
  }

  @Test
  void placeholderEmailAndPhoneDoNotChainAHundredPeople() {
    Set<String> hubPersons = new HashSet<>();
    ids2.forEach(
        (id, person) -> {
          if (id.startsWith("h")) {
            hubPersons.add(person);
          }
        });
    assertEquals(HUB_PEOPLE, hubPersons.size());
    assertFalse(hubPersons.contains(ids2.get("A-HUB")), "over-matched customer linked to nobody");
    Set<String> hubKeys = new HashSet<>();
    run1.hubs().collectAsList().forEach(r -> hubKeys.add(r.getString(0) + "/" + r.getString(5)));
    // contact@ and +33600000000 are placeholders the comparable columns drop before any key is
    // counted: nothing is left for the hub guard to find, and nobody is chained through them.
    assertEquals(Set.of(), hubKeys);
    assertEquals(1L, run1.stats().overmatchedCustomers());
  }

  @Test
  void genericNameWithoutBirthDateIsNotLinkedOnNameAndPostcode() {
    assertNotEquals(ids2.get("r10"), ids2.get("r11"));
  }

  @Test
  void personIdsSurviveANewIncident() {
    for (String id : ids1.keySet()) {
      if (!id.startsWith("r2")) {
        assertEquals(ids1.get(id), ids2.get(id), "id of " + id + " kept");
      }
    }
    Row camille = run2.persons().where(col("person_id").equalTo(ids2.get("r01"))).first();
    assertEquals(LocalDate.of(2026, 11, 28), camille.getDate(7).toLocalDate(), "first seen");
  }

  @Test
  void clustersJoinedByANewRecordMergeUnderOneRecordedId() {
    String a = ids1.get("r20");
    String b = ids1.get("r21");
    assertNotEquals(a, b, "apart before the bridging record");
    String kept = a.compareTo(b) < 0 ? a : b;
    String merged = a.compareTo(b) < 0 ? b : a;
    assertEquals(kept, ids2.get("r20"));
    assertEquals(kept, ids2.get("r21"));
    assertEquals(kept, ids2.get("r22"));
    Frames.assertEqual(
        Frames.frame(
            "run_date DATE, surviving_person_id STRING, merged_person_id STRING",
            Frames.row(java.sql.Date.valueOf(LocalDate.of(2026, 11, 29)), kept, merged)),
        run2.personMerges());
    assertEquals(0, run1.personMerges().count());
  }

  @Test
  void clusterAboveTheSizeBoundIsKeptAndListedForReview() {
    List<Row> review = run2.clusterReview().collectAsList();
    assertEquals(1, review.size());
    assertEquals(ids2.get("r01"), review.get(0).getString(0));
    assertEquals(5L, review.get(0).<Long>getAs("cluster_size"));
    assertTrue(run1.clusterReview().isEmpty());
    assertEquals(
        0, run2.stats().rounds(), "a small graph is labelled by the union-find in the driver");
  }
}
