package fr.breachimpact.config;

/**
 * An ENISA DPC context adjustment declared by the manifest, e.g. +1 because the data reveals the
 * people are patients of a teleconsultation service.
 *
 * @param delta usually -1 or +1; DPC stays within 1..4 after all adjustments
 * @param reason written into the severity report's factors; required, since a DPO must be able to
 *     defend every point of the score
 */
public record ContextAdjustment(int delta, String reason) {
  public ContextAdjustment {
    if (reason == null || reason.isBlank()) {
      throw new InvalidField("reason", "required: say why the context moves DPC");
    }
  }
}
