package fr.breachimpact.resolve;

/**
 * Resolve cannot bring its tables up to date from the earlier run's for the added records alone,
 * and says why; nothing was written, and it runs in full.
 */
public final class IncrementRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IncrementRefused(String why) {
    super(why, null, false, false);
  }
}
