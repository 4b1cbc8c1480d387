package fr.breachimpact.report;

/** ENISA SE = DPC x EI + CB with the factors behind each term. */
public record SeverityScore(
    int dpc, String dpcFactors, double ei, String eiFactors, double cb, String cbFactors) {

  public double se() {
    return dpc * ei + cb;
  }

  public EnisaLevel level() {
    return EnisaLevel.of(se());
  }

  /** One line an analyst or the DPO can read; no personal data, only kinds and counts. */
  public String explanation() {
    return "SE "
        + se()
        + " ("
        + level().label()
        + ") = DPC "
        + dpc
        + " x EI "
        + ei
        + " + CB "
        + cb
        + ". DPC: "
        + dpcFactors
        + ". EI: "
        + eiFactors
        + ". CB: "
        + cbFactors
        + ".";
  }

  public static SeverityScore of(
      DataProcessingContext.Score dpc,
      IdentificationEase.Rule ei,
      String eiFactors,
      CircumstancesScore.Score cb) {
    return new SeverityScore(dpc.dpc(), dpc.factors(), ei.ei(), eiFactors, cb.cb(), cb.factors());
  }
}
