package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.Frames;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** What changed since the previous report date, from two dates of the per-person reports. */
class ExposureChangesTest {
  private static final StructType PERSONS =
      new StructType()
          .add("person_pseudonym", DataTypes.StringType)
          .add("incidents", DataTypes.createArrayType(DataTypes.StringType))
          .add("level", DataTypes.StringType);
  private static final StructType CUSTOMERS =
      new StructType()
          .add("customer_pseudonym", DataTypes.StringType)
          .add("brand", DataTypes.StringType)
          .add("notify", DataTypes.BooleanType);
  private static final LocalDate SINCE = LocalDate.of(2025, 11, 29);

  /** The per-change detail, as in schemas/exposure_change_pseudonyms.json. */
  private static final String DETAIL =
      "change STRING, person_pseudonym STRING, customer_pseudonym STRING, brand STRING, incident_id STRING, since DATE";

  private static Dataset<Row> persons(Row... rows) {
    return TestSpark.session().createDataFrame(List.of(rows), PERSONS);
  }

  private static Dataset<Row> customers(Row... rows) {
    return TestSpark.session().createDataFrame(List.of(rows), CUSTOMERS);
  }

  private static Dataset<Row> detail() {
    return ExposureChanges.detail(
        persons(
            RowFactory.create("pa", List.of("i1", "i2"), "high"),
            RowFactory.create("pb", List.of("i1"), "medium"),
            RowFactory.create("pc", List.of("i2"), "low")),
        persons(
            RowFactory.create("pa", List.of("i1"), "medium"),
            RowFactory.create("pb", List.of("i1"), "medium")),
        customers(
            RowFactory.create("ca", "Auchan", true),
            RowFactory.create("cb", "Auchan", false),
            RowFactory.create("cc", "Leroy Merlin", true)),
        customers(
            RowFactory.create("ca", "Auchan", false), RowFactory.create("cb", "Auchan", false)),
        SINCE);
  }

  @Test
  void newPersonsNewIncidentsRisenLevelsNewCustomersAndNewlyToNotifyAreFound() {
    java.sql.Date since = java.sql.Date.valueOf(SINCE);
    Frames.assertEqualIgnoringOrder(
        Frames.frame(
            DETAIL,
            Frames.row("new_person", "pc", null, null, "i2", since),
            Frames.row("new_incident", "pa", null, null, "i2", since),
            Frames.row("level_rose", "pa", null, null, null, since),
            Frames.row("new_customer", null, "cc", "Leroy Merlin", null, since),
            Frames.row("newly_to_notify", null, "ca", "Auchan", null, since),
            Frames.row("newly_to_notify", null, "cc", "Leroy Merlin", null, since)),
        detail());
  }

  @Test
  void withoutAPreviousDateEveryPersonAndCustomerIsNew() {
    Dataset<Row> first =
        ExposureChanges.detail(
            persons(RowFactory.create("pa", List.of("i1"), "high")),
            null,
            customers(RowFactory.create("ca", "Auchan", true)),
            null,
            null);
    Frames.assertEqualIgnoringOrder(
        Frames.frame(
            DETAIL,
            Frames.row("new_person", "pa", null, null, "i1", null),
            Frames.row("new_customer", null, "ca", "Auchan", null, null),
            Frames.row("newly_to_notify", null, "ca", "Auchan", null, null)),
        first);
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
    JsonNode contract =
        new ObjectMapper().readTree(Path.of("..", "schemas", name + ".json").toFile());
    List<String> expected = new ArrayList<>();
    contract
        .get("columns")
        .forEach(c -> expected.add(c.get("name").asText() + " " + c.get("type").asText()));
    List<String> columns = new ArrayList<>();
    for (StructField f : actual.fields()) {
      columns.add(f.name() + " " + f.dataType().simpleString());
    }
    assertEquals(expected, columns, name);
  }
}
