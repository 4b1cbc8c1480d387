package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.breachimpact.spark.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** What changed since the previous report date, from two dates of the per-person reports. */
class ExposureChangesTest {
  private static final StructType PERSONS = new StructType().add("person_pseudonym", DataTypes.StringType)
      .add("incidents", DataTypes.createArrayType(DataTypes.StringType)).add("level", DataTypes.StringType);
  private static final StructType CUSTOMERS = new StructType().add("customer_pseudonym", DataTypes.StringType)
      .add("brand", DataTypes.StringType).add("notify", DataTypes.BooleanType);
  private static final LocalDate SINCE = LocalDate.of(2025, 11, 29);

  private static Dataset<Row> persons(Row... rows) {
    return TestSpark.session().createDataFrame(List.of(rows), PERSONS);
  }

  private static Dataset<Row> customers(Row... rows) {
    return TestSpark.session().createDataFrame(List.of(rows), CUSTOMERS);
  }

  private static Dataset<Row> detail() {
    return ExposureChanges.detail(
        persons(RowFactory.create("pa", List.of("i1", "i2"), "high"), RowFactory.create("pb", List.of("i1"), "medium"),
            RowFactory.create("pc", List.of("i2"), "low")),
        persons(RowFactory.create("pa", List.of("i1"), "medium"), RowFactory.create("pb", List.of("i1"), "medium")),
        customers(RowFactory.create("ca", "Auchan", true), RowFactory.create("cb", "Auchan", false),
            RowFactory.create("cc", "Leroy Merlin", true)),
        customers(RowFactory.create("ca", "Auchan", false), RowFactory.create("cb", "Auchan", false)),
        SINCE);
  }

  @Test
  void newPersonsNewIncidentsRisenLevelsNewCustomersAndNewlyToNotifyAreFound() {
    Set<String> found = new TreeSet<>();
    for (Row r : detail().collectAsList()) {
      found.add(r.getAs("change") + ":" + (r.getAs("person_pseudonym") == null ? r.getAs("customer_pseudonym")
          : r.getAs("person_pseudonym")) + ":" + r.getAs("incident_id"));
      assertEquals(java.sql.Date.valueOf(SINCE), r.getAs("since"));
    }
    assertEquals(new TreeSet<>(List.of("new_person:pc:i2", "new_incident:pa:i2", "level_rose:pa:null",
        "new_customer:cc:null", "newly_to_notify:ca:null", "newly_to_notify:cc:null")), found);
  }

  @Test
  void withoutAPreviousDateEveryPersonAndCustomerIsNew() {
    Dataset<Row> first = ExposureChanges.detail(persons(RowFactory.create("pa", List.of("i1"), "high")), null,
        customers(RowFactory.create("ca", "Auchan", true)), null, null);
    Set<String> changes = new TreeSet<>();
    first.collectAsList().forEach(r -> changes.add(r.getAs("change")));
    assertEquals(Set.of("new_person", "new_customer", "newly_to_notify"), changes);
  }

  @Test
  void theAggregateCountsHideSmallCellsAndMatchTheirContracts() throws Exception {
    Dataset<Row> detail = detail();
    Dataset<Row> counts = ExposureChanges.counts(detail, 2);
    Row notify = counts.where("change = 'newly_to_notify' AND brand = 'Auchan'").first();
    assertNull(notify.getAs("count"), "one customer is below k = 2");
    assertTrue((boolean) notify.getAs("suppressed"));
    assertContract("exposure_changes", counts.schema());
    assertContract("exposure_change_pseudonyms", detail.schema());
  }

  private static void assertContract(String name, StructType actual) throws Exception {
    JsonNode contract = new ObjectMapper().readTree(Path.of("..", "schemas", name + ".json").toFile());
    List<String> expected = new ArrayList<>();
    contract.get("columns").forEach(c -> expected.add(c.get("name").asText() + " " + c.get("type").asText()));
    List<String> columns = new ArrayList<>();
    for (StructField f : actual.fields()) {
      columns.add(f.name() + " " + f.dataType().simpleString());
    }
    assertEquals(expected, columns, name);
  }
}
