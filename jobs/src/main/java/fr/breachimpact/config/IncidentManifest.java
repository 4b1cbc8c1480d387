package fr.breachimpact.config;

import java.util.List;

/**
 * An incident's {@code manifest.json}: who leaked what, when, and how its files are laid out.
 *
 * @param claimedTotalAffected the total the attackers claim, if any
 * @param notifiedTotalAffected the total the organisation announced or notified, if any
 * @param sequentialAccountIds whether {@code account_id} values are the service's sequential ids,
 *     so that the German-tank estimate of the leak's size applies
 * @param measuresTaken what the organisation has done about the breach, for the CNIL draft
 * @param measuresProposed what it proposes to do, to the people too, for the CNIL draft
 * @param delayReason why the authority is notified more than 72 hours after awareness (GDPR art.
 *     33(1)); the draft marks it missing when the deadline has passed without one
 * @param independentSamples whether the first two files are samples of one leak obtained
 *     independently of each other (two posts by different sellers, say), so that the persons they
 *     share give a capture-recapture estimate; two halves of one dump are not
 */
public record IncidentManifest(
    String incidentId,
    String organisation,
    List<String> brands,
    String group,
    String sector,
    String description,
    IncidentDates dates,
    Long claimedTotalAffected,
    Long notifiedTotalAffected,
    Boolean sequentialAccountIds,
    Boolean independentSamples,
    Circumstances circumstances,
    List<ContextAdjustment> contextAdjustments,
    List<String> measuresTaken,
    List<String> measuresProposed,
    String delayReason,
    List<FileSpec> files) {

  public IncidentManifest {
    measuresTaken = measuresTaken == null ? List.of() : List.copyOf(measuresTaken);
    measuresProposed = measuresProposed == null ? List.of() : List.copyOf(measuresProposed);
    brands = brands == null ? List.of() : List.copyOf(brands);
    contextAdjustments = contextAdjustments == null ? List.of() : List.copyOf(contextAdjustments);
    files = files == null ? List.of() : List.copyOf(files);
    circumstances = circumstances == null ? Circumstances.none() : circumstances;
    sequentialAccountIds = sequentialAccountIds == null ? Boolean.FALSE : sequentialAccountIds;
    independentSamples = independentSamples == null ? Boolean.FALSE : independentSamples;
    if (independentSamples && files.size() < 2) {
      throw new InvalidField(
          "independent_samples",
          "declares independent samples but the incident has "
              + files.size()
              + " file(s); capture-recapture needs two");
    }
  }

  /** A manifest whose files are not declared independent samples. */
  public IncidentManifest(
      String incidentId,
      String organisation,
      List<String> brands,
      String group,
      String sector,
      String description,
      IncidentDates dates,
      Long claimedTotalAffected,
      Long notifiedTotalAffected,
      Boolean sequentialAccountIds,
      Circumstances circumstances,
      List<ContextAdjustment> contextAdjustments,
      List<FileSpec> files) {
    this(
        incidentId,
        organisation,
        brands,
        group,
        sector,
        description,
        dates,
        claimedTotalAffected,
        notifiedTotalAffected,
        sequentialAccountIds,
        null,
        circumstances,
        contextAdjustments,
        files);
  }

  /** A manifest that declares no measures and no delay reason. */
  public IncidentManifest(
      String incidentId,
      String organisation,
      List<String> brands,
      String group,
      String sector,
      String description,
      IncidentDates dates,
      Long claimedTotalAffected,
      Long notifiedTotalAffected,
      Boolean sequentialAccountIds,
      Boolean independentSamples,
      Circumstances circumstances,
      List<ContextAdjustment> contextAdjustments,
      List<FileSpec> files) {
    this(
        incidentId,
        organisation,
        brands,
        group,
        sector,
        description,
        dates,
        claimedTotalAffected,
        notifiedTotalAffected,
        sequentialAccountIds,
        independentSamples,
        circumstances,
        contextAdjustments,
        null,
        null,
        null,
        files);
  }
}
