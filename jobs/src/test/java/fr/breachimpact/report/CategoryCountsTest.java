package fr.breachimpact.report;

import static fr.breachimpact.testing.Frames.frame;
import static fr.breachimpact.testing.Frames.row;

import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.Frames;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CategoryCountsTest {
  private static final StructType EXPOSURES =
      new StructType()
          .add("record_id", DataTypes.StringType)
          .add("incident_id", DataTypes.StringType)
          .add("person_id", DataTypes.StringType)
          .add("code", DataTypes.StringType)
          .add("status", DataTypes.StringType);

  private static Row exposure(String record, String person, String code, String status) {
    return RowFactory.create(record, "inc-1", person, code, status);
  }

  @Test
  void aPersonCountsOnceInACellWithEveryStatusSeenAmongItsRecords() {
    List<Row> exposures =
        List.of(
            exposure("r1", "p1", "email", "verified"),
            exposure("r2", "p1", "email", "claimed"),
            exposure("r3", "p2", "email", "claimed"),
            exposure("r4", "p3", "email", "detected"),
            exposure("r4", "p3", "phone", "verified"));
    Frames.assertEqual(
        frame(
            "category STRING, records BIGINT, persons BIGINT,"
                + " persons_verified BIGINT, persons_claimed BIGINT, persons_detected BIGINT",
            row("email", 4L, 3L, 1L, 2L, 1L),
            row("phone", 1L, 1L, 1L, 0L, 0L)),
        CategoryCounts.of(TestSpark.session().createDataFrame(exposures, EXPOSURES))
            .orderBy("category")
            .select(
                "category",
                "records",
                "persons",
                "persons_verified",
                "persons_claimed",
                "persons_detected"));
  }
}
