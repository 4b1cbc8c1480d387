package fr.breachimpact.report;

/**
 * How one data category shows in an incident (or for one person): distinct persons with the
 * category verified, claimed (present but failing its check) or detected in free text, and the
 * records in which it rests on detection alone (the evidence of a detected category).
 */
public record CategoryEvidence(
    String code, long verified, long claimed, long detected, long detectedRecords) {

  /** Without a record count of the detection. */
  public CategoryEvidence(String code, long verified, long claimed, long detected) {
    this(code, verified, claimed, detected, 0);
  }

  public boolean claimedOnly() {
    return verified == 0 && detected == 0 && claimed > 0;
  }

  /** Found only by content detection: the reports say in how many records. */
  public boolean detectedOnly() {
    return verified == 0 && claimed == 0 && detected > 0;
  }

  public boolean present() {
    return verified + claimed + detected > 0;
  }
}
