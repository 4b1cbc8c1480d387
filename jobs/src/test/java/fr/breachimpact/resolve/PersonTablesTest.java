package fr.breachimpact.resolve;

import static fr.breachimpact.testing.Frames.frame;
import static fr.breachimpact.testing.Frames.row;

import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.Frames;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PersonTablesTest {
  private static final LocalDate RUN = LocalDate.of(2026, 11, 29);

  private static final StructType MEMBERS =
      new StructType()
          .add("node_id", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("record_id", DataTypes.StringType)
          .add("incident_id", DataTypes.StringType)
          .add("customer_id", DataTypes.StringType)
          .add("brand", DataTypes.StringType)
          .add("person_id", DataTypes.StringType);

  private static Row record(String id, String incident, String person) {
    return RowFactory.create("r|" + id, Parties.RECORD, id, incident, null, null, person);
  }

  private static Row customer(String id, String brand, String person) {
    return RowFactory.create(
        "c|" + brand + "|" + id, Parties.CUSTOMER, null, null, id, brand, person);
  }

  @Test
  void personsCountTheirMembersAndTheDistinctIncidentsAndBrandsTheyAreIn() {
    List<Row> members =
        List.of(
            // p1: three records in two incidents, two customers of two brands
            record("r1", "auchan-1", "p1"),
            record("r2", "auchan-1", "p1"),
            record("r3", "weda-1", "p1"),
            customer("c1", "Auchan", "p1"),
            customer("c2", "Leroy Merlin", "p1"),
            // p2: two customer accounts of one brand, no record
            customer("c3", "Auchan", "p2"),
            customer("c4", "Auchan", "p2"),
            // p3: one record alone
            record("r4", "weda-1", "p3"));
    Dataset<Row> previous =
        TestSpark.session()
            .createDataFrame(
                List.of(RowFactory.create("p2", Date.valueOf("2026-10-01"))),
                Resolution.FIRST_SEEN_SCHEMA);

    Dataset<Row> persons =
        PersonTables.persons(
            TestSpark.session().createDataFrame(members, MEMBERS), previous, 4, RUN);

    Date run = Date.valueOf(RUN);
    Frames.assertEqualIgnoringOrder(
        frame(
            "person_id STRING, record_count BIGINT, incident_count BIGINT, customer_count BIGINT,"
                + " brand_count BIGINT, cluster_size BIGINT, needs_review BOOLEAN, first_seen_run_date DATE,"
                + " run_date DATE",
            row("p1", 3L, 2L, 2L, 2L, 5L, true, run, run),
            row(
                "p2",
                0L,
                0L,
                2L,
                1L,
                2L,
                false,
                Date.valueOf("2026-10-01"),
                run), // first seen before
            row("p3", 1L, 1L, 0L, 0L, 1L, false, run, run)),
        persons);
  }
}
