package fr.breachimpact.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the master keys of a run come from, in this order: an in-memory key set (tests), the
 * environment variable, the key file. Read where the keys are used (the driver checks them at
 * start; each executor reads them again when Parquet asks to wrap or unwrap a key).
 *
 * @param memorySet name of an {@link InMemoryKeySets} entry, or null
 * @param envVariable name of the environment variable, or null
 * @param file absolute path of the key file, or null
 */
public record MasterKeySource(String memorySet, String envVariable, String file) {

  /** Hadoop configuration keys that carry the source to the executors (names only, no key). */
  public static final String MEMORY_SET = "breachimpact.encryption.keys.memory";

  public static final String ENV_VARIABLE = "breachimpact.encryption.keys.env";
  public static final String FILE = "breachimpact.encryption.keys.file";

  /** A label for the source, without secrets: also keeps Parquet's per-token key caches apart. */
  public String label() {
    if (present(memorySet)) {
      return "memory:" + memorySet;
    }
    return "env:" + envVariable + (present(file) ? "|file:" + file : "");
  }

  /**
   * @throws IllegalArgumentException one line naming the variable or file, never a key
   */
  public MasterKeys load(Map<String, String> env) {
    if (present(memorySet)) {
      MasterKeys keys = InMemoryKeySets.get(memorySet);
      if (keys == null) {
        throw new IllegalArgumentException(
            "in-memory key set '" + memorySet + "' is not registered in this JVM");
      }
      return keys;
    }
    if (present(envVariable) && present(env.get(envVariable))) {
      return MasterKeys.parse(env.get(envVariable), "environment variable " + envVariable);
    }
    if (present(file)) {
      Path path = Path.of(file);
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "key file " + path + ": cannot read (" + e.getClass().getSimpleName() + ")");
      }
      return MasterKeys.parse(text, "key file " + path);
    }
    throw new IllegalArgumentException(
        "no master keys: set environment variable "
            + envVariable
            + " or encryption.master_keys_file");
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
