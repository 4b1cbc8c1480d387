package fr.breachimpact.config;

/**
 * Circumstances of the breach for the ENISA CB factor. Each loss is {@code none}, {@code limited}
 * (0.25) or {@code severe} (0.5); confidentiality is also {@code published} or {@code sold} (0.5).
 *
 * @param malicious the breach was intentional and ill-meant (+0.5)
 */
public record Circumstances(
    String confidentiality, String integrity, String availability, Boolean malicious) {

  public Circumstances {
    confidentiality = confidentiality == null ? "none" : confidentiality;
    integrity = integrity == null ? "none" : integrity;
    availability = availability == null ? "none" : availability;
    malicious = malicious == null ? Boolean.FALSE : malicious;
  }

  public static Circumstances none() {
    return new Circumstances(null, null, null, null);
  }
}
