package fr.breachimpact.ingest;

/** An input file that cannot be used at all (unreadable, not what its manifest says): exit 3. */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
