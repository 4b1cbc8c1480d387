package fr.breachimpact.config;

/**
 * A value a manifest or config record refuses in its constructor. {@link Json#read} turns it into
 * one {@link ConfigException} line naming the file and the field's full path (exit 2).
 */
public final class InvalidField extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  /**
   * @param field the field's path inside the record that refuses it, e.g. {@code availability}
   */
  public InvalidField(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
