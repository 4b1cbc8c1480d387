package fr.breachimpact.spark;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * A Bloom filter of the 64-bit key values of one frame, broadcast, so that rows of another frame
 * whose key cannot be among them are dropped before they are shuffled. It never drops a key that is
 * there; a key that is not there passes with probability {@code fpp}, so what follows must still
 * join exactly. Built with one job over the keys; the broadcast is freed by Spark's context cleaner
 * once the plans reading it are gone.
 */
public final class KeyBloomFilter {
  /** Share of absent keys let through: 5 % costs about 6.2 bits per key (0.8 MB per million). */
  public static final double FALSE_POSITIVE_RATE = 0.05;

  private final UserDefinedFunction contains;

  private KeyBloomFilter(UserDefinedFunction contains) {
    this.contains = contains;
  }

  /**
   * @param keys the frame holding the keys to let through
   * @param column its long column of key values (nulls are not put in)
   * @param expectedKeys how many values it holds (the filter's size follows from it)
   */
  static KeyBloomFilter of(Dataset<Row> keys, String column, long expectedKeys) {
    BloomFilter filter =
        keys.stat().bloomFilter(column, Math.max(1L, expectedKeys), FALSE_POSITIVE_RATE);
    Broadcast<BloomFilter> shared =
        JavaSparkContext.fromSparkContext(keys.sparkSession().sparkContext()).broadcast(filter);
    return new KeyBloomFilter(predicate(shared));
  }

  // Static: the function captures the broadcast only, never this object.
  private static UserDefinedFunction predicate(Broadcast<BloomFilter> shared) {
    return udf(
        (UDF1<Long, Boolean>) key -> key != null && shared.value().mightContainLong(key),
        DataTypes.BooleanType);
  }

  /**
   * The rows of {@code rows} whose key may be among {@code keys}' (a semi-join's hint, not the
   * semi-join: what follows joins exactly). Drops most of the others before they are shuffled.
   *
   * @param rowKey the 64-bit key of a row of {@code rows}
   * @param key the same key computed on a row of {@code keys}
   * @param expectedKeys how many rows {@code keys} has (sizes the filter)
   */
  public static Dataset<Row> narrow(
      Dataset<Row> rows, Column rowKey, Dataset<Row> keys, Column key, long expectedKeys) {
    KeyBloomFilter filter = of(keys.select(key.as("_bloom_key")), "_bloom_key", expectedKeys);
    return rows.where(filter.mightContain(rowKey));
  }

  /** True for every key of the filter, and for about {@code fpp} of the others; false for null. */
  Column mightContain(Column key) {
    return contains.apply(key);
  }
}
