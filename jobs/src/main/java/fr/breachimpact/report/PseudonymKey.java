package fr.breachimpact.report;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.config.ReportConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the HMAC key at run time: the environment variable named by {@code
 * report.pseudonym_key_env} (default BREACH_IMPACT_PSEUDONYM_KEY), else the file named by {@code
 * report.pseudonym_key_file}. Never from the repository; no key, no analyst report.
 */
public final class PseudonymKey {
  /** 16 bytes: anything shorter is guessable. */
  public static final int MIN_BYTES = 16;

  private PseudonymKey() {}

  public static byte[] load(LoadedConfig loaded, Map<String, String> env) {
    ReportConfig rc = loaded.config().report();
    String fromEnv = env.get(rc.pseudonymKeyEnv());
    if (fromEnv != null && !fromEnv.isBlank()) {
      return check(
          fromEnv.strip().getBytes(StandardCharsets.UTF_8),
          "environment variable " + rc.pseudonymKeyEnv());
    }
    if (rc.pseudonymKeyFile() != null && !rc.pseudonymKeyFile().isBlank()) {
      Path file = Path.of(loaded.resolve(rc.pseudonymKeyFile()));
      try {
        return check(
            Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8),
            "key file " + file);
      } catch (IOException e) {
        throw ConfigException.at(
            loaded.file().toString(), "report.pseudonym_key_file", "cannot read " + file);
      }
    }
    throw new ConfigException(
        "no pseudonym key: set " + rc.pseudonymKeyEnv() + " or report.pseudonym_key_file");
  }

  private static byte[] check(byte[] key, String where) {
    if (key.length < MIN_BYTES) {
      throw new ConfigException(
          "pseudonym key from " + where + " is too short: at least " + MIN_BYTES + " bytes");
    }
    return key;
  }
}
