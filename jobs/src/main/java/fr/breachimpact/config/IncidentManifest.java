package fr.breachimpact.config;

import java.util.List;

/**
 * An incident's {@code manifest.json}: who leaked what, when, and how its files are laid out.
 *
 * @param claimedTotalAffected the total the attackers claim, if any
 * @param notifiedTotalAffected the total the organisation announced or notified, if any
 * @param sequentialAccountIds whether {@code account_id} values are the service's sequential
 *     ids, so that the German-tank estimate of the leak's size applies
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
    Circumstances circumstances,
    List<ContextAdjustment> contextAdjustments,
    List<FileSpec> files) {

  public IncidentManifest {
    brands = brands == null ? List.of() : List.copyOf(brands);
    contextAdjustments = contextAdjustments == null ? List.of() : List.copyOf(contextAdjustments);
    files = files == null ? List.of() : List.copyOf(files);
    circumstances = circumstances == null ? Circumstances.none() : circumstances;
    sequentialAccountIds = sequentialAccountIds == null ? Boolean.FALSE : sequentialAccountIds;
  }
}
