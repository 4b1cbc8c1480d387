package fr.breachimpact.stage;

/**
 * A stage that can bring its tables up to date for the incidents that changed alone, equal to what
 * a full run would write: its rows each follow from one incident's records (classify, link), or it
 * can reuse what it computed for the earlier ones (resolve's compared pairs). The nightly run asks
 * it to when the only input that changed since its last run is the records of some incidents
 * ({@link IncidentDelta}); a stage that cannot (say why) writes nothing and runs in full.
 */
public interface IncidentScoped extends Stage {
  /** Updates the stage's tables for {@code delta} only, or says why it cannot. */
  DeltaRun runIncidents(StageContext context, IncidentDelta delta);

  /**
   * Why a stage that scores with a stored model cannot build on its earlier run, or null: an
   * incident replaced or removed changes earlier records, and a model asked for (trained again or
   * given) changes every score.
   */
  static String unlessAddedWithStoredModel(IncidentDelta delta, boolean retrain, String modelFile) {
    if (!delta.additionsOnly()) {
      return "an incident was replaced or removed, not only added";
    }
    if (retrain || modelFile != null) {
      return retrain ? "retrain asked" : "a model file given";
    }
    return null;
  }

  /** What an incremental run did ({@code done}), or why it did not run (nothing written). */
  record DeltaRun(boolean done, String account) {
    public static DeltaRun done(String account) {
      return new DeltaRun(true, account);
    }

    public static DeltaRun refused(String why) {
      return new DeltaRun(false, why);
    }
  }
}
