package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.Circumstances;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.spark.TestSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leak-size estimates only where their assumptions hold, and a reason where they do not. */
class IncidentEstimatesTest {
  private static final StructType PREPARED =
      new StructType()
          .add("incident_id", DataTypes.StringType)
          .add("source_file", DataTypes.StringType)
          .add("person_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType);
  private static Map<String, Row> rows;

  private static IncidentInfo incident(String id, boolean sequential, boolean independent) {
    List<FileSpec> files =
        List.of(
            new FileSpec("a.csv", null, null, null, null, null, null, null, null, null),
            new FileSpec("b.csv", null, null, null, null, null, null, null, null, null));
    return IncidentInfo.of(
        id,
        new IncidentManifest(
            id,
            "Org",
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            sequential,
            independent,
            Circumstances.none(),
            List.of(),
            files),
        id + "/manifest.json");
  }

  /** Persons p0..p(n1-1) in a.csv and p(n1-shared)..p(n1-shared+n2-1) in b.csv. */
  private static void samples(List<Row> out, String incident, int n1, int n2, int shared) {
    for (int i = 0; i < n1; i++) {
      out.add(RowFactory.create(incident, "a.csv", incident + "-p" + i, null));
    }
    for (int i = n1 - shared; i < n1 - shared + n2; i++) {
      out.add(RowFactory.create(incident, "b.csv", incident + "-p" + i, null));
    }
  }

  @BeforeAll
  static void build() {
    List<Row> prepared = new ArrayList<>();
    samples(prepared, "halves-of-one-dump", 50, 50, 2);
    samples(prepared, "independent-few-shared", 50, 50, 2);
    samples(prepared, "independent", 60, 40, 12);
    for (int i = 1; i <= 30; i++) { // the first 30 accounts
      prepared.add(RowFactory.create("first-accounts", "a.csv", "f" + i, Integer.toString(i)));
    }
    for (int i = 1; i <= 30; i++) { // 30 ids spread over 1..30,000
      prepared.add(RowFactory.create("spread-ids", "a.csv", "s" + i, Integer.toString(i * 997)));
    }
    var frame = TestSpark.session().createDataFrame(prepared, PREPARED);
    List<IncidentInfo> incidents =
        List.of(
            incident("halves-of-one-dump", false, false),
            incident("independent-few-shared", false, true),
            incident("independent", false, true),
            incident("first-accounts", true, false),
            incident("spread-ids", true, false));
    rows = new HashMap<>();
    for (Row r : IncidentEstimates.build(TestSpark.session(), frame, incidents).collectAsList()) {
      rows.put(r.getAs("incident_id"), r);
    }
  }

  @Test
  void filesNotDeclaredIndependentGetNoCaptureRecaptureAndSaySo() {
    Row r = rows.get("halves-of-one-dump");
    assertNull(r.getAs("capture_recapture_leak_size"), "50 and 50 sharing 2 would give about 867");
    assertTrue(
        r.<String>getAs("capture_recapture_note").startsWith("not declared"),
        r.<String>getAs("capture_recapture_note"));
  }

  @Test
  void fewerThanSevenSharedPersonsGiveNoEstimateAndDoNotPrintTheCount() {
    Row r = rows.get("independent-few-shared");
    assertNull(r.getAs("capture_recapture_leak_size"));
    assertNull(r.getAs("capture_recapture_low"));
    String note = r.getAs("capture_recapture_note");
    assertTrue(note.contains("fewer than 7"), note);
    assertTrue(!note.contains(" 2 "), note);
  }

  @Test
  void declaredIndependentSamplesSharingEnoughGiveChapmanWithChaosInterval() {
    Row r = rows.get("independent");
    LeakEstimates.Interval e = LeakEstimates.chapman(60, 40, 12);
    assertEquals(Math.round(e.estimate()), (long) r.getAs("capture_recapture_leak_size"));
    assertEquals((long) Math.floor(e.low()), (long) r.getAs("capture_recapture_low"));
    assertEquals((long) Math.ceil(e.high()), (long) r.getAs("capture_recapture_high"));
    assertTrue(
        (long) r.getAs("capture_recapture_low") >= 60 + 40 - 12, "never below the persons seen");
    assertNull(r.getAs("capture_recapture_note"));
  }

  @Test
  void germanTankOnTheFirstAccountsIsNotApplicable() {
    Row r = rows.get("first-accounts");
    assertNull(r.getAs("german_tank_leak_size"));
    assertTrue(
        r.<String>getAs("german_tank_note").startsWith("not applicable"),
        r.<String>getAs("german_tank_note"));
  }

  @Test
  void germanTankOnSpreadIdsIsEstimated() {
    Row r = rows.get("spread-ids");
    LeakEstimates.Interval e = LeakEstimates.germanTank(30 * 997, 30);
    assertEquals(Math.round(e.estimate()), (long) r.getAs("german_tank_leak_size"));
    assertNull(r.getAs("german_tank_note"));
    assertTrue(
        rows.get("independent").<String>getAs("german_tank_note").startsWith("not declared"));
  }
}
