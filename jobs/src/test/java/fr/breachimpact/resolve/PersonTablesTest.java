package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.spark.TestSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    return RowFactory.create("c|" + brand + "|" + id, Parties.CUSTOMER, null, null, id, brand, person);
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
                List.of(RowFactory.create("p2", Date.valueOf("2026-10-01"))), Resolution.FIRST_SEEN_SCHEMA);

    Dataset<Row> persons =
        PersonTables.persons(TestSpark.session().createDataFrame(members, MEMBERS), previous, 4, RUN);

    Map<String, String> byPerson = new TreeMap<>();
    for (Row r : persons.collectAsList()) {
      byPerson.put(
          r.getString(0),
          String.format(
              "records=%d incidents=%d customers=%d brands=%d size=%d review=%s first_seen=%s",
              r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getBoolean(6), r.getDate(7)));
    }
    assertEquals(
        Map.of(
            "p1", "records=3 incidents=2 customers=2 brands=2 size=5 review=true first_seen=2026-11-29",
            "p2", "records=0 incidents=0 customers=2 brands=1 size=2 review=false first_seen=2026-10-01",
            "p3", "records=1 incidents=1 customers=0 brands=0 size=1 review=false first_seen=2026-11-29"),
        byPerson);
  }
}
