package fr.breachimpact.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class KeyBloomFilterTest {
  @Test
  void everyKeyOfTheFilterPassesAndFewOthersDoAndNullNever() {
    SparkSession spark = TestSpark.session();
    // Keys 0, 3, 6, ... 2997 in; 0..29999 probed.
    Dataset<Row> keys = spark.range(0, 3000, 3).toDF("k");
    KeyBloomFilter filter = KeyBloomFilter.of(keys, "k", 1000);
    Dataset<Row> probe = spark.range(0, 30000).toDF("k");
    Row counts =
        probe
            .where(filter.mightContain(col("k")))
            .selectExpr(
                "count_if(k < 3000 AND k % 3 = 0)", "count_if(NOT (k < 3000 AND k % 3 = 0))")
            .first();
    assertEquals(1000L, counts.getLong(0), "no key of the filter dropped");
    long falsePositives = counts.getLong(1);
    assertTrue(
        falsePositives < 29000 * 0.10, "about 5 % of the absent keys pass: " + falsePositives);
    assertEquals(
        0L,
        spark.sql("SELECT CAST(NULL AS BIGINT) AS k").where(filter.mightContain(col("k"))).count(),
        "a null key never passes");
  }
}
