package fr.breachimpact.stage;

/**
 * A stage whose output rows each follow from one incident's records, so that it can bring its
 * tables up to date for the incidents that changed alone, equal to what a full run would write. The
 * nightly run asks it to when the only input that changed since its last run is the records of some
 * incidents ({@link IncidentDelta}); a stage that cannot (say why) writes nothing and runs in full.
 */
public interface IncidentScoped extends Stage {
  /** Updates the stage's tables for {@code delta} only, or says why it cannot. */
  DeltaRun runIncidents(StageContext context, IncidentDelta delta);

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
