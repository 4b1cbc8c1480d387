package fr.breachimpact.generate;

import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.ingest.QuarantineReason;
import java.util.List;

/**
 * Everything the generator needs to write one incident: its manifest, how each file is laid out and
 * damaged, and how its sample is drawn from the population.
 */
record IncidentPlan(IncidentManifest manifest, List<FilePlan> files, SampleRecipe sample) {

  String id() {
    return manifest.incidentId();
  }

  /**
   * @param share of the incident's sample written to this file
   * @param quoteAll every CSV field quoted
   * @param duplicateRate rows written twice within the file
   * @param malformed the quarantine reasons this file shows, at least one line of each
   * @param blankLineAt a blank line after this many rows (not a row), negative for none
   * @param repostPath a byte-identical copy of the file under this path, or null
   */
  record FilePlan(
      FileSpec spec,
      List<RowRenderer.Column> columns,
      double share,
      boolean quoteAll,
      Style style,
      double duplicateRate,
      List<QuarantineReason> malformed,
      int blankLineAt,
      String repostPath) {}

  /**
   * Who is in the sample: {@code size} persons at scale 1, {@code customerShare} of them customers
   * (of {@code brand}, or of the group when brand is 0), and of those {@code fromEarlier} drawn
   * from persons of the incidents listed in {@code earlier}.
   *
   * @param minBirthYear inclusive; the population restricted by age (France Travail, Weda)
   * @param maxSize a cap whatever the scale (Weda has 23,000 persons in all)
   */
  record SampleRecipe(
      int size,
      int maxSize,
      int brand,
      double customerShare,
      List<String> earlier,
      double fromEarlier,
      int minBirthYear,
      int maxBirthYear) {}
}
