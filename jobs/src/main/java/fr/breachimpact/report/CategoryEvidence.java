package fr.breachimpact.report;

/**
 * How one data category shows in an incident (or for one person): distinct persons with the
 * category verified, claimed (present but failing its check) or detected in free text.
 */
public record CategoryEvidence(String code, long verified, long claimed, long detected) {

  public boolean claimedOnly() {
    return verified == 0 && detected == 0 && claimed > 0;
  }

  public boolean present() {
    return verified + claimed + detected > 0;
  }
}
