package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.spark.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DedupEvaluationTest {
  private static Dataset<Row> frame(String idColumn, String... recordToId) {
    StructType schema =
        new StructType().add("record_id", DataTypes.StringType).add(idColumn, DataTypes.StringType);
    List<Row> rows =
        java.util.stream.IntStream.range(0, recordToId.length / 2)
            .mapToObj(i -> (Row) RowFactory.create(recordToId[2 * i], recordToId[2 * i + 1]))
            .toList();
    return TestSpark.session().createDataFrame(rows, schema);
  }

  @Test
  void pairwiseAndBcubedOnAKnownExample() {
    // predicted {1,2,3,4} {5}; truth {1,2} {3,4,5}; record 6 has no truth and is ignored.
    Dataset<Row> predicted =
        frame("person_id", "1", "P", "2", "P", "3", "P", "4", "P", "5", "Q", "6", "P");
    Dataset<Row> truth = frame("true_person_id", "1", "A", "2", "A", "3", "B", "4", "B", "5", "B");
    DedupMetrics m = DedupEvaluation.evaluate(predicted, truth);
    assertEquals(5, m.records());
    assertEquals(6, m.predictedPairs());
    assertEquals(4, m.truePairs());
    assertEquals(2, m.correctPairs());
    assertEquals(1.0 / 3, m.pairwisePrecision(), 1e-9);
    assertEquals(0.5, m.pairwiseRecall(), 1e-9);
    assertEquals(0.4, m.pairwiseF1(), 1e-9);
    assertEquals(0.6, m.bcubedPrecision(), 1e-9);
    assertEquals(11.0 / 15, m.bcubedRecall(), 1e-9);
    assertEquals(4, m.largestPredictedCluster());
    assertEquals(3, m.largestTrueCluster());
  }

  @Test
  void perfectClusteringScoresOne() {
    Dataset<Row> predicted = frame("person_id", "1", "x", "2", "x", "3", "y");
    Dataset<Row> truth = frame("true_person_id", "1", "A", "2", "A", "3", "B");
    DedupMetrics m = DedupEvaluation.evaluate(predicted, truth);
    assertEquals(1.0, m.pairwiseF1(), 1e-9);
    assertEquals(1.0, m.bcubedF1(), 1e-9);
  }
}
