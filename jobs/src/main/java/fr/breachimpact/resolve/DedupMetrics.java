package fr.breachimpact.resolve;

import java.util.Locale;

/**
 * Deduplication quality against a ground truth, over the records present in both.
 *
 * <p>Pairwise: a pair of records is predicted when both sit in one predicted person, true when both
 * belong to one true person. B-cubed: per record, the share of its predicted cluster that is truly
 * its person (precision) and the share of its true person that it was clustered with (recall),
 * averaged over records. A ratio with a zero denominator is 1 (nothing claimed, nothing wrong).
 */
public record DedupMetrics(
    long records,
    long predictedPairs,
    long truePairs,
    long correctPairs,
    double bcubedPrecision,
    double bcubedRecall,
    long largestPredictedCluster,
    long largestTrueCluster) {

  public double pairwisePrecision() {
    return ratio(correctPairs, predictedPairs);
  }

  public double pairwiseRecall() {
    return ratio(correctPairs, truePairs);
  }

  public double pairwiseF1() {
    return f1(pairwisePrecision(), pairwiseRecall());
  }

  public double bcubedF1() {
    return f1(bcubedPrecision, bcubedRecall);
  }

  /** The lines {@code evaluate} prints. */
  public String lines() {
    return String.format(
        Locale.ROOT,
        "dedup pairwise_precision=%.3f pairwise_recall=%.3f pairwise_f1=%.3f%n"
            + "dedup bcubed_precision=%.3f bcubed_recall=%.3f bcubed_f1=%.3f records=%d "
            + "largest_predicted_cluster=%d largest_true_cluster=%d",
        pairwisePrecision(),
        pairwiseRecall(),
        pairwiseF1(),
        bcubedPrecision,
        bcubedRecall,
        bcubedF1(),
        records,
        largestPredictedCluster,
        largestTrueCluster);
  }

  static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 1.0 : (double) numerator / denominator;
  }

  static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }
}
