package fr.breachimpact.config;

/** A configuration or manifest error: stops a job before any write, exit code 2. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "manifest.json: files[0].encoding: unknown encoding 'latin-9'" */
  public static ConfigException at(String file, String field, String problem) {
    return new ConfigException(file + ": " + field + ": " + problem);
  }
}
