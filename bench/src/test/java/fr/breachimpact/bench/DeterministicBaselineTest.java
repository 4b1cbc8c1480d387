package fr.breachimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.bench.DeterministicBaseline.ResultRow;
import fr.breachimpact.spark.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicBaselineTest {
  private static final StructType CATEGORY =
      new StructType().add("code", DataTypes.StringType).add("status", DataTypes.StringType);

  private static final StructType LEAKED =
      keys(new StructType()
              .add("record_id", DataTypes.StringType)
              .add("incident_id", DataTypes.StringType))
          .add("categories", DataTypes.createArrayType(CATEGORY));

  private static final StructType CUSTOMERS =
      keys(
          new StructType()
              .add("customer_id", DataTypes.StringType)
              .add("brand", DataTypes.StringType));

  private static StructType keys(StructType t) {
    return t.add("email_key", DataTypes.StringType)
        .add("email_valid", DataTypes.BooleanType)
        .add("phone_e164", DataTypes.StringType)
        .add("phone_valid", DataTypes.BooleanType)
        .add("loyalty_id_norm", DataTypes.StringType);
  }

  private static Row leaked(
      String id,
      String incident,
      String email,
      Boolean emailValid,
      String phone,
      String loyalty,
      String... codes) {
    List<Row> categories =
        codes.length == 0
            ? null
            : Arrays.stream(codes).map(c -> RowFactory.create(c, "verified")).toList();
    return RowFactory.create(
        id, incident, email, emailValid, phone, phone == null ? null : true, loyalty, categories);
  }

  private static Row customer(
      String id, String brand, String email, Boolean emailValid, String phone, String loyalty) {
    return RowFactory.create(
        id, brand, email, emailValid, phone, phone == null ? null : true, loyalty);
  }

  @Test
  void sparkAndDuckDbCountTheSameCustomersPerIncidentAndCategoryOnTrustedKeysOnly(
      @TempDir Path dir) {
    SparkSession spark = TestSpark.session();
    List<Row> customers =
        List.of(
            customer("c1", "Auchan", "alice@mail.fr", true, null, null),
            customer("c2", "Auchan", null, null, "+33611111111", null),
            customer("c3", "Auchan", null, null, null, "L123"),
            customer("c4", "Leroy Merlin", null, null, null, "L999"),
            customer("c5", "Auchan", "bob@mail.fr", true, "+33622222222", null),
            customer("c6", "Auchan", "eve@mail.fr", false, null, null));
    List<Row> leaked =
        List.of(
            leaked(
                "r1",
                "auchan-1",
                "alice@mail.fr",
                true,
                null,
                null,
                "CONTACT",
                "IDENTITY"), // email
            leaked("r2", "auchan-1", null, null, "+33611111111", null, "CONTACT"), // phone
            leaked(
                "r3", "auchan-1", null, null, null, "L123", "LOYALTY_ID"), // loyalty, right brand
            leaked(
                "r4",
                "auchan-1",
                null,
                null,
                null,
                "L999",
                "LOYALTY_ID"), // loyalty of another brand
            leaked(
                "r5",
                "auchan-1",
                "bob@mail.fr",
                true,
                "+33622222222",
                null,
                "CONTACT"), // two keys, one person
            leaked("r6", "auchan-1", "alice@mail.fr", true, null, null), // no categories
            leaked(
                "r7",
                "auchan-1",
                "alice@mail.fr",
                false,
                null,
                null,
                "CREDENTIALS"), // invalid email on the leak
            leaked(
                "r8",
                "auchan-1",
                "eve@mail.fr",
                true,
                null,
                null,
                "FINANCIAL"), // invalid email on the customer
            leaked("r9", "lm-1", null, null, null, "L999", "LOYALTY_ID"), // loyalty, right brand
            leaked(
                "r10",
                "lm-1",
                null,
                null,
                null,
                "L123",
                "LOYALTY_ID"), // Auchan's id in a Leroy Merlin leak
            leaked("r11", "lm-1", "bob@mail.fr", true, null, null, "IDENTITY"), // email: any brand
            leaked(
                "r12",
                "lm-1",
                "bob@mail.fr",
                true,
                null,
                null,
                "IDENTITY",
                "HEALTH"), // same person again
            leaked(
                "r13",
                "group-1",
                null,
                null,
                null,
                "L123",
                "LOYALTY_ID"), // either brand of the incident
            leaked("r14", "group-1", null, null, null, "L999", "LOYALTY_ID"),
            leaked(
                "r15",
                "other-1",
                "alice@mail.fr",
                true,
                null,
                "L123",
                "CONTACT"), // no brands: email only
            leaked(
                "r16",
                "quiet-1",
                "alice@mail.fr",
                true,
                null,
                null)); // matched, but no categories: no row
    spark
        .createDataFrame(customers, CUSTOMERS)
        .write()
        .parquet(dir.resolve("customers").toString());
    spark.createDataFrame(leaked, LEAKED).write().parquet(dir.resolve("leaked").toString());
    Dataset<Row> leakedRead = spark.read().parquet(dir.resolve("leaked").toString());
    Dataset<Row> customersRead = spark.read().parquet(dir.resolve("customers").toString());
    Map<String, List<String>> brands =
        Map.of(
            "auchan-1",
            List.of("Auchan"),
            "lm-1",
            List.of("Leroy Merlin"),
            "group-1",
            List.of("Auchan", "Leroy Merlin"),
            "other-1",
            List.of(),
            "quiet-1",
            List.of("Auchan"));

    List<ResultRow> onSpark =
        DeterministicBaseline.onSpark(
            leakedRead, customersRead, DeterministicBaseline.incidentBrands(spark, brands));
    List<ResultRow> onDuckDb =
        DeterministicBaseline.duckDb(
            DeterministicBaseline.localFiles(leakedRead),
            DeterministicBaseline.localFiles(customersRead),
            brands);

    List<ResultRow> expected =
        new ArrayList<>(
            List.of(
                new ResultRow("auchan-1", "CONTACT", 3), // c1, c2, c5 (by email and phone, once)
                new ResultRow("auchan-1", "IDENTITY", 1), // c1
                new ResultRow("auchan-1", "LOYALTY_ID", 1), // c3, not c4
                new ResultRow("group-1", "LOYALTY_ID", 2), // c3 and c4
                new ResultRow("lm-1", "HEALTH", 1), // c5
                new ResultRow("lm-1", "IDENTITY", 1), // c5 through two records
                new ResultRow("lm-1", "LOYALTY_ID", 1), // c4, not c3
                new ResultRow("other-1", "CONTACT", 1))); // c1
    expected.sort(ResultRow.ORDER);
    assertEquals(expected, onSpark);
    assertEquals(expected, onDuckDb);
    assertEquals(
        expected,
        DeterministicBaseline.duckDbWithMasks(
            DeterministicBaseline.localFiles(leakedRead),
            DeterministicBaseline.localFiles(customersRead),
            brands));
    DeterministicBaseline.requireSame(onSpark, onDuckDb);

    List<ResultRow> changed = new ArrayList<>(onDuckDb);
    changed.set(0, new ResultRow("auchan-1", "CONTACT", 2));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> DeterministicBaseline.requireSame(onSpark, changed));
    assertTrue(
        e.getMessage().contains("auchan-1/CONTACT=3") && !e.getMessage().contains("\n"),
        e.getMessage());
  }

  @Test
  void aCategoryCodeOutsideTheTaxonomyFailsTheMaskedQueriesInsteadOfBeingDropped(
      @TempDir Path dir) {
    SparkSession spark = TestSpark.session();
    spark
        .createDataFrame(
            List.of(customer("c1", "Auchan", "alice@mail.fr", true, null, null)), CUSTOMERS)
        .write()
        .parquet(dir.resolve("customers").toString());
    spark
        .createDataFrame(
            List.of(
                leaked(
                    "r1", "auchan-1", "alice@mail.fr", true, null, null, "CONTACT", "SHOE_SIZE")),
            LEAKED)
        .write()
        .parquet(dir.resolve("leaked").toString());
    Dataset<Row> leakedRead = spark.read().parquet(dir.resolve("leaked").toString());
    Dataset<Row> customersRead = spark.read().parquet(dir.resolve("customers").toString());
    Map<String, List<String>> brands = Map.of("auchan-1", List.of("Auchan"));

    IllegalStateException onSpark =
        assertThrows(
            IllegalStateException.class,
            () ->
                DeterministicBaseline.onSpark(
                    leakedRead,
                    customersRead,
                    DeterministicBaseline.incidentBrands(spark, brands)));
    IllegalStateException onDuckDb =
        assertThrows(
            IllegalStateException.class,
            () ->
                DeterministicBaseline.duckDbWithMasks(
                    DeterministicBaseline.localFiles(leakedRead),
                    DeterministicBaseline.localFiles(customersRead),
                    brands));

    for (IllegalStateException e : List.of(onSpark, onDuckDb)) {
      assertTrue(
          e.getMessage().contains("leaked_records_clean.categories.code")
              && !e.getMessage().contains("\n"),
          e.getMessage());
      assertTrue(
          !e.getMessage().contains("alice") && !e.getMessage().contains("SHOE_SIZE"),
          e.getMessage());
    }
  }
}
