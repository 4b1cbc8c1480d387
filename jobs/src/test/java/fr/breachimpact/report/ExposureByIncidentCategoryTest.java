package fr.breachimpact.report;

import static fr.breachimpact.testing.Frames.frame;
import static fr.breachimpact.testing.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.classify.CategoryMask;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.Frames;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ExposureByIncidentCategoryTest {
  private static final StructType EXPOSURES =
      new StructType()
          .add("incident_id", DataTypes.StringType)
          .add("person_id", DataTypes.StringType)
          .add("code", DataTypes.StringType);
  private static final StructType LINKS =
      new StructType()
          .add("scope_key", DataTypes.StringType)
          .add("person_id", DataTypes.StringType)
          .add("customer_id", DataTypes.StringType)
          .add("brand", DataTypes.StringType);
  private static final String AUCHAN = "brand|Mulliez|Auchan";
  private static final String GROUP = "group|Mulliez|";

  private static Dataset<Row> exposures(Row... rows) {
    return TestSpark.session().createDataFrame(List.of(rows), EXPOSURES);
  }

  private static Dataset<Row> links() {
    return TestSpark.session()
        .createDataFrame(
            List.of(
                RowFactory.create(AUCHAN, "p1", "c1", "Auchan"),
                RowFactory.create(GROUP, "p1", "c1", "Auchan"),
                RowFactory.create(
                    GROUP, "p1", "c9", "Leroy Merlin"), // p1 is a customer of both brands
                RowFactory.create(AUCHAN, "p2", "c1", "Auchan"), // c1 is linked to two persons
                RowFactory.create(GROUP, "p2", "c1", "Auchan")),
            LINKS);
  }

  private static final String MATCHED =
      "incident_id STRING, category STRING, scope_key STRING, matched_customers BIGINT, matched_persons BIGINT";

  private static Dataset<Row> matched(Dataset<Row> exposures, CategoryMask categories) {
    return ExposureByIncidentCategory.matched(exposures, links(), categories)
        .select("incident_id", "category", "scope_key", "matched_customers", "matched_persons")
        .orderBy("incident_id", "category", "scope_key");
  }

  @Test
  void matchedCountsDistinctCustomersAndPersonsPerCategoryAndScope() {
    Dataset<Row> exposures =
        exposures(
            RowFactory.create("i1", "p1", "CONTACT"),
            RowFactory.create("i1", "p1", "HEALTH"),
            RowFactory.create("i1", "p1", "CONTACT"), // a second record of p1
            RowFactory.create("i1", "p2", "CONTACT"),
            RowFactory.create("i1", "p3", "CONTACT"), // not a customer
            RowFactory.create("i2", "p2", "HEALTH"));

    Frames.assertEqual(
        frame(
            MATCHED,
            row("i1", "CONTACT", AUCHAN, 1L, 2L), // c1, through p1 and p2
            row("i1", "CONTACT", GROUP, 2L, 2L), // c1 and c9
            row("i1", "HEALTH", AUCHAN, 1L, 1L),
            row("i1", "HEALTH", GROUP, 2L, 1L),
            row("i2", "HEALTH", AUCHAN, 1L, 1L),
            row("i2", "HEALTH", GROUP, 1L, 1L)),
        matched(exposures, CategoryMask.of(List.of("CONTACT", "HEALTH"))));
  }

  @Test
  void codesAreReadFromTheCategoryCountsSoThatACodeOutsideTheTaxonomyStillCounts() {
    Dataset<Row> exposures = exposures(RowFactory.create("i1", "p1", "SHOE_SIZE"));
    Dataset<Row> categoryCounts = exposures.withColumnRenamed("code", "category");

    CategoryMask categories = CategoryCounts.codes(categoryCounts);

    assertEquals(List.of("SHOE_SIZE"), categories.codes());
    Frames.assertEqual(
        frame(
            MATCHED, row("i1", "SHOE_SIZE", AUCHAN, 1L, 1L), row("i1", "SHOE_SIZE", GROUP, 2L, 1L)),
        matched(exposures, categories));
  }

  @Test
  void noCategoryAtAllMatchesNothing() {
    Frames.assertEqual(frame(MATCHED), matched(exposures(), CategoryMask.of(List.of())));
  }
}
