package fr.breachimpact.config;

/**
 * Settings of the {@code resolve} stage (docs/resolution.md explains each guard).
 *
 * @param maxClusterSize a cluster larger than this is flagged for review ({@code cluster_review})
 * @param maxPartiesPerKey an email, phone or NIR value held by more records and customers than this
 *     is a hub: it links nobody
 * @param maxNamesPerKey a key value seen with more distinct names than this is a hub (a name is the
 *     Soundex codes of the first and last name keys in alphabetical order, so that typos and
 *     swapped names of one person count once)
 * @param maxBirthDatesPerKey a key value seen with more distinct birth dates than this is a hub
 * @param maxBlockSize a blocking key value held by more records (or more customers) than this
 *     yields no candidate pairs of that kind (keeps pair generation near-linear; common surnames
 *     are blocked with more fields)
 * @param matchThreshold minimum match probability of a dedup edge under the trained {@code
 *     resolve.model} (a probability: until 2026-12 this was a weight in bits)
 * @param maxRounds connected components give up (error) after this many rounds
 * @param maxDriverEdges connected components of a graph with at most this many edges are found by a
 *     union-find in the driver (up to some 60 bytes of driver memory per edge); a larger graph is
 *     left to the distributed star rounds
 * @param model the deduplication model's comparisons and blocking rules ({@code
 *     schemas/linkage-model.json}); the shipped one ({@link ModelSettings#dedupeDefaults()}) when
 *     absent. EM and the random pairs take their settings from {@code link}
 */
public record ResolveConfig(
    Integer maxClusterSize,
    Integer maxPartiesPerKey,
    Integer maxNamesPerKey,
    Integer maxBirthDatesPerKey,
    Integer maxBlockSize,
    Double matchThreshold,
    Integer maxRounds,
    Long maxDriverEdges,
    ModelSettings model) {

  public ResolveConfig {
    maxClusterSize = maxClusterSize == null ? 50 : maxClusterSize;
    maxPartiesPerKey = maxPartiesPerKey == null ? 30 : maxPartiesPerKey;
    maxNamesPerKey = maxNamesPerKey == null ? 3 : maxNamesPerKey;
    maxBirthDatesPerKey = maxBirthDatesPerKey == null ? 3 : maxBirthDatesPerKey;
    maxBlockSize = maxBlockSize == null ? 50 : maxBlockSize;
    matchThreshold = matchThreshold == null ? 0.9 : matchThreshold;
    maxRounds = maxRounds == null ? 60 : maxRounds;
    maxDriverEdges = maxDriverEdges == null ? 20_000_000L : maxDriverEdges;
  }

  /** The model's settings: the config's, else the shipped ones. */
  public ModelSettings modelSettings() {
    return model == null ? ModelSettings.dedupeDefaults() : model;
  }

  /**
   * The smallest of the hub bounds on parties, names and birth dates: a key value (or a matched
   * customer) held by no more parties than this exceeds none of them.
   */
  public int smallestHubBound() {
    return Math.min(maxPartiesPerKey, Math.min(maxNamesPerKey, maxBirthDatesPerKey));
  }

  public static ResolveConfig defaults() {
    return new ResolveConfig(null, null, null, null, null, null, null, null, null);
  }
}
