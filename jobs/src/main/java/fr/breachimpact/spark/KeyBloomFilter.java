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
 * whose key cannot be among them are dropped before they are shuffled. It never drops a key that
 * is there; a key that is not there passes with probability {@code fpp}, so what follows must
 * still join exactly. Built with one job over the keys; the broadcast is freed by Spark's context
 * cleaner once the plans reading it are gone.
 */
public final class KeyBloomFilter {
  /** Share of absent keys let through: 5 % costs about 6.2 bits per key (0.8 MB per million). */
  public static final double FALSE_POSITIVE_RATE = 0.05;

  private final UserDefinedFunction contains;
  private final long bits;

  private KeyBloomFilter(UserDefinedFunction contains, long bits) {
    this.contains = contains;
    this.bits = bits;
  }

  /**
   * @param keys the frame holding the keys to let through
   * @param column its long column of key values (nulls are not put in)
   * @param expectedKeys how many values it holds (the filter's size follows from it)
   */
  public static KeyBloomFilter of(Dataset<Row> keys, String column, long expectedKeys) {
    BloomFilter filter =
        keys.stat().bloomFilter(column, Math.max(1L, expectedKeys), FALSE_POSITIVE_RATE);
    Broadcast<BloomFilter> shared =
        JavaSparkContext.fromSparkContext(keys.sparkSession().sparkContext()).broadcast(filter);
    return new KeyBloomFilter(predicate(shared), filter.bitSize());
  }

  // Static: the function captures the broadcast only, never this object.
  private static UserDefinedFunction predicate(Broadcast<BloomFilter> shared) {
    return udf(
        (UDF1<Long, Boolean>) key -> key != null && shared.value().mightContainLong(key),
        DataTypes.BooleanType);
  }

  /** True for every key of the filter, and for about {@code fpp} of the others; false for null. */
  public Column mightContain(Column key) {
    return contains.apply(key);
  }

  /** The filter's size, for the log. */
  public long bits() {
    return bits;
  }
}
