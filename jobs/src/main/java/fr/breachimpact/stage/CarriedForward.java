package fr.breachimpact.stage;

import java.time.LocalDate;

/**
 * A stage whose outputs carry the run date (resolve, report). When none of its inputs changed since
 * its run of an earlier date, a full run would write that run's outputs again, but for the new
 * date: this writes them from what that run left, recomputing only what depends on the date, much
 * faster than a full run and row for row the same.
 */
public interface CarriedForward extends Stage {
  /**
   * Writes the outputs of the context's run date from those of {@code from}.
   *
   * @param from the date of the stage's last completed run, before the context's run date; its
   *     tables are as that run left them
   * @return false, having written nothing, when an output of {@code from} it needs is missing or
   *     not of that date: the stage must then run in full
   */
  boolean carryForward(StageContext context, LocalDate from);
}
