package fr.breachimpact.config;

/**
 * Settings of the {@code link} stage (section {@code link} of the job config).
 *
 * @param maxCustomersPerKey a key value (email, phone, loyalty id, NIR) shared by more customers
 *     than this is not trusted: neither a deterministic match nor a blocking key
 * @param matchThreshold minimum match probability of a probabilistic match
 * @param allAboveThreshold keep every customer above threshold for a record and brand, not only the
 *     best one
 * @param maxBlockSize a blocking key value held by more customers than this is skipped (skew
 *     guard); the other rules still reach those records
 * @param maxBlockPairs a blocking key value that would pair more leaked records and customers than
 *     this (leaked rows times customers holding it) is skipped: a common "prenom.nom" email local
 *     part or surname code grows with the square of the data
 * @param uSamplePairs number of random pairs drawn to estimate the u probabilities
 * @param emMaxIterations upper bound of EM iterations
 * @param emTolerance EM stops when no m probability moves more than this
 * @param seed seed of the random pair sample
 * @param retrainDrift the stored model is reused while neither side's size moved more than this
 *     share since it was trained (and the settings are the same); past it, a new one is trained
 * @param model the comparisons and blocking rules ({@code schemas/linkage-model.json}); the shipped
 *     model ({@link ModelSettings#linkDefaults()}) when absent
 */
public record LinkConfig(
    Integer maxCustomersPerKey,
    Double matchThreshold,
    Boolean allAboveThreshold,
    Integer maxBlockSize,
    Integer maxBlockPairs,
    Integer uSamplePairs,
    Integer emMaxIterations,
    Double emTolerance,
    Long seed,
    Double retrainDrift,
    ModelSettings model) {

  public LinkConfig {
    maxCustomersPerKey = maxCustomersPerKey == null ? 3 : maxCustomersPerKey;
    matchThreshold = matchThreshold == null ? 0.6 : matchThreshold;
    allAboveThreshold = allAboveThreshold == null ? Boolean.FALSE : allAboveThreshold;
    maxBlockSize = maxBlockSize == null ? 200 : maxBlockSize;
    maxBlockPairs = maxBlockPairs == null ? 1000 : maxBlockPairs;
    uSamplePairs = uSamplePairs == null ? 1_000_000 : uSamplePairs;
    emMaxIterations = emMaxIterations == null ? 30 : emMaxIterations;
    emTolerance = emTolerance == null ? 1e-5 : emTolerance;
    seed = seed == null ? 42L : seed;
    retrainDrift = retrainDrift == null ? 0.25 : retrainDrift;
  }

  /** The model's settings: the config's, else the shipped ones. */
  public ModelSettings modelSettings() {
    return model == null ? ModelSettings.linkDefaults() : model;
  }

  public static LinkConfig defaults() {
    return new LinkConfig(null, null, null, null, null, null, null, null, null, null, null);
  }
}
