package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.spark.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class LinkageEvaluationTest {
  private static Dataset<Row> strings(List<Row> rows, String... names) {
    StructField[] fields = new StructField[names.length];
    for (int i = 0; i < names.length; i++) {
      fields[i] =
          DataTypes.createStructField(
              names[i],
              names[i].equals("line_number") ? DataTypes.LongType : DataTypes.StringType,
              true);
    }
    return TestSpark.session().createDataFrame(rows, new StructType(fields));
  }

  @Test
  void precisionAndRecallCountPairsOfTheSamePersonThroughFileAndLine() {
    Dataset<Row> leaked =
        strings(
            List.of(
                RowFactory.create("r1", "inc-a", "a.csv", 2L),
                RowFactory.create("r2", "inc-a", "a.csv", 3L),
                RowFactory.create("r3", "inc-b", "b.csv", 2L)),
            "record_id",
            "incident_id",
            "source_file",
            "line_number");
    // Ground truth as the generator writes it: line numbers come as text from the CSV.
    Dataset<Row> truthRecords =
        strings(
                List.of(
                    RowFactory.create("inc-a", "a.csv", 2L, "p1"),
                    RowFactory.create("inc-a", "a.csv", 3L, "p2"),
                    RowFactory.create("inc-b", "b.csv", 2L, "p3"),
                    RowFactory.create("inc-b", "b.csv", 9L, "p4")),
                "incident_id",
                "source_file",
                "line_number",
                "person_id")
            .withColumn(
                "line_number", org.apache.spark.sql.functions.col("line_number").cast("string"));
    Dataset<Row> truthCustomers =
        strings(
            List.of(
                RowFactory.create("Auchan", "A-1", "p1"),
                RowFactory.create("Auchan", "A-2", "p9"),
                RowFactory.create("Leroy Merlin", "L-3", "p3")),
            "brand",
            "customer_id",
            "person_id");
    Dataset<Row> matches =
        strings(
            List.of(
                RowFactory.create("r1", "inc-a", "A-1", "Auchan", "email"),
                RowFactory.create("r2", "inc-a", "A-2", "Auchan", "probabilistic")),
            "record_id",
            "incident_id",
            "customer_id",
            "brand",
            "method");
    LinkageEvaluation.Report report =
        LinkageEvaluation.evaluate(
            matches, LinkageEvaluation.recordTruth(leaked, truthRecords), truthCustomers);
    assertEquals(new LinkageEvaluation.Scores(1, 2, 2), report.overall());
    assertEquals(new LinkageEvaluation.Scores(1, 2, 1), report.byIncident().get("inc-a"));
    assertEquals(new LinkageEvaluation.Scores(0, 0, 1), report.byIncident().get("inc-b"));
    assertEquals(new LinkageEvaluation.Scores(1, 1, 2), report.byMethod().get("email"));
    assertEquals(new LinkageEvaluation.Scores(0, 1, 2), report.byMethod().get("probabilistic"));
    assertEquals("linkage precision=0.500 recall=0.500 f1=0.500", report.lines().get(0));
  }
}
