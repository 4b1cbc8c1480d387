package fr.breachimpact.resolve;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores candidate pairs of parties for deduplication. The input holds {@code node_a},
 * {@code node_b} and two structs {@code a} and {@code b} with the party columns of
 * {@link Parties}; the output adds {@code match_weight} (double, log2 of the Bayes factor, the
 * larger the likelier the same person).
 *
 * <p>{@link CompactPairScorer} is the self-contained implementation with fixed weights; the
 * link stage's trained Fellegi-Sunter model is meant to be the other one.
 */
public interface PairScorer extends Serializable {
  Dataset<Row> score(Dataset<Row> pairs);
}
