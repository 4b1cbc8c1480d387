package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.spark.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class OverlapReportsTest {
  private static final StructType RECORD_PERSON =
      new StructType()
          .add("record_id", DataTypes.StringType)
          .add("incident_id", DataTypes.StringType)
          .add("person_id", DataTypes.StringType);
  private static final StructType CUSTOMER_PERSON =
      new StructType()
          .add("customer_id", DataTypes.StringType)
          .add("brand", DataTypes.StringType)
          .add("person_id", DataTypes.StringType);
  private static final StructType CUSTOMERS =
      new StructType()
          .add("customer_id", DataTypes.StringType)
          .add("brand", DataTypes.StringType)
          .add("group_name", DataTypes.StringType);

  /** auchan-2024: p1 p2 p3 (p1 twice); auchan-2025: p2 p3 p4; lm-2025: p3 p5; medecin: p6. */
  private static Dataset<Row> recordPerson() {
    String[][] rows = {
      {"r1", "auchan-2024", "p1"}, {"r1b", "auchan-2024", "p1"}, {"r2", "auchan-2024", "p2"},
      {"r3", "auchan-2024", "p3"}, {"r4", "auchan-2025", "p2"}, {"r5", "auchan-2025", "p3"},
      {"r6", "auchan-2025", "p4"}, {"r7", "lm-2025", "p3"}, {"r8", "lm-2025", "p5"},
      {"r9", "medecin-2025", "p6"}
    };
    List<Row> list = new ArrayList<>();
    for (String[] r : rows) {
      list.add(RowFactory.create((Object[]) r));
    }
    return TestSpark.session().createDataFrame(list, RECORD_PERSON);
  }

  @Test
  void incidentPairsCountDistinctPersonsAndJaccard() {
    List<Row> rows = IncidentOverlap.compute(IncidentOverlap.exposures(recordPerson()), 10).collectAsList();
    assertEquals(6, rows.size(), "every pair of four incidents once");
    Row first = rows.get(0);
    assertEquals("auchan-2024", first.getString(0));
    assertEquals("auchan-2025", first.getString(1));
    assertEquals(3L, first.getLong(2));
    assertEquals(3L, first.getLong(3));
    assertEquals(2L, first.getLong(4));
    assertEquals(4L, first.getLong(5));
    assertEquals(0.5, first.getDouble(6), 1e-9);
    assertEquals(true, first.getBoolean(7), "counts below 10 are flagged");
    Row lm = rows.get(1); // auchan-2024 x lm-2025: p3 only, either p1 p2 p3 p5
    assertEquals("lm-2025", lm.getString(1));
    assertEquals(1L, lm.getLong(4));
    assertEquals(0.25, lm.getDouble(6), 1e-9);
    Row none = rows.get(2); // auchan-2024 x medecin-2025
    assertEquals(0L, none.getLong(4));
    assertEquals(0.0, none.getDouble(6), 1e-9);
  }

  @Test
  void groupRollUpCountsPersonsOnceAndCustomersOfBothBrands() {
    List<Row> customers = new ArrayList<>();
    List<Row> customerPerson = new ArrayList<>();
    // p3 and p7 are customers of both Mulliez brands; p3 is exposed, p7 is not.
    String[][] links = {
      {"a1", "Auchan", "p1"}, {"a3", "Auchan", "p3"}, {"l3", "Leroy Merlin", "p3"},
      {"a7", "Auchan", "p7"}, {"l7", "Leroy Merlin", "p7"}, {"l5", "Leroy Merlin", "p5"},
      {"d6", "Decathlon", "p6"}
    };
    for (String[] l : links) {
      customerPerson.add(RowFactory.create(l[0], l[1], l[2]));
      customers.add(RowFactory.create(l[0], l[1], l[1].equals("Decathlon") ? "Other" : "Mulliez"));
    }
    var spark = TestSpark.session();
    Map<String, IncidentScope> scopes =
        Map.of(
            "auchan-2024", new IncidentScope(List.of("Auchan"), "Mulliez"),
            "auchan-2025", new IncidentScope(List.of("auchan "), null),
            "lm-2025", new IncidentScope(List.of("Leroy Merlin"), null),
            "medecin-2025", new IncidentScope(List.of("MédecinDirect"), null));
    List<Row> rows =
        GroupOverlap.compute(
                IncidentOverlap.exposures(recordPerson()),
                spark.createDataFrame(customerPerson, CUSTOMER_PERSON),
                spark.createDataFrame(customers, CUSTOMERS),
                scopes,
                10)
            .collectAsList();
    assertEquals(2, rows.size());
    Row mulliez = rows.get(0);
    assertEquals("Mulliez", mulliez.getString(0));
    assertEquals(2L, mulliez.getLong(1), "brands");
    assertEquals(3L, mulliez.getLong(2), "incidents");
    assertEquals(5L, mulliez.getLong(3), "persons exposed p1..p5, each once");
    assertEquals(2L, mulliez.getLong(4), "p2 and p3 in more than one incident");
    assertEquals(3L, mulliez.getLong(5), "exposed and customers: p1 p3 p5");
    assertEquals(2L, mulliez.getLong(6), "customers of both brands: p3 p7");
    assertEquals(1L, mulliez.getLong(7), "of those exposed: p3");
    Row other = rows.get(1);
    assertEquals("Other", other.getString(0));
    assertEquals(0L, other.getLong(2));
    assertEquals(0L, other.getLong(3));
  }
}
