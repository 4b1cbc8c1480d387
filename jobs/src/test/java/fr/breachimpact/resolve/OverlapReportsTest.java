package fr.breachimpact.resolve;

import static fr.breachimpact.testing.Frames.frame;
import static fr.breachimpact.testing.Frames.row;

import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.Frames;
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
    // Every pair of four incidents once, in order; every count is below 10, so every row is
    // flagged.
    Frames.assertApproximatelyEqual(
        frame(
            "incident_a STRING, incident_b STRING, persons_a BIGINT, persons_b BIGINT, persons_both BIGINT,"
                + " persons_either BIGINT, jaccard DOUBLE, below_min_cell_size BOOLEAN",
            row("auchan-2024", "auchan-2025", 3L, 3L, 2L, 4L, 0.5, true), // p2 p3 of p1..p4
            row("auchan-2024", "lm-2025", 3L, 2L, 1L, 4L, 0.25, true), // p3 of p1 p2 p3 p5
            row("auchan-2024", "medecin-2025", 3L, 1L, 0L, 4L, 0.0, true),
            row("auchan-2025", "lm-2025", 3L, 2L, 1L, 4L, 0.25, true), // p3 of p2 p3 p4 p5
            row("auchan-2025", "medecin-2025", 3L, 1L, 0L, 4L, 0.0, true),
            row("lm-2025", "medecin-2025", 2L, 1L, 0L, 3L, 0.0, true)),
        IncidentOverlap.compute(IncidentOverlap.exposures(recordPerson()), 10),
        1e-9);
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
    Frames.assertEqual(
        frame(
            "group_name STRING, brands BIGINT, incidents BIGINT, persons_exposed BIGINT,"
                + " persons_multi_incident BIGINT, persons_exposed_customers BIGINT,"
                + " persons_multi_brand_customers BIGINT, persons_multi_brand_customers_exposed BIGINT,"
                + " below_min_cell_size BOOLEAN",
            // 2 brands, 3 incidents; p1..p5 exposed, each once; p2 and p3 in more than one
            // incident;
            // exposed and customers: p1 p3 p5; customers of both brands: p3 p7, of those exposed:
            // p3.
            row("Mulliez", 2L, 3L, 5L, 2L, 3L, 2L, 1L, true),
            // Decathlon's customer p6 is exposed only by an incident outside the group.
            row("Other", 1L, 0L, 0L, 0L, 0L, 0L, 0L, false)),
        GroupOverlap.compute(
            IncidentOverlap.exposures(recordPerson()),
            spark.createDataFrame(customerPerson, CUSTOMER_PERSON),
            spark.createDataFrame(customers, CUSTOMERS),
            scopes,
            10));
  }
}
