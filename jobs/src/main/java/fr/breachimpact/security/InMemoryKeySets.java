package fr.breachimpact.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key sets held in this JVM's memory, by name: for tests and local runs, where driver and executors
 * share one JVM. A cluster's executors do not see them: there, keys come from the environment or a
 * key file (see {@link MasterKeyKmsClient}).
 */
public final class InMemoryKeySets {
  private static final Map<String, MasterKeys> SETS = new ConcurrentHashMap<>();

  private InMemoryKeySets() {}

  public static void register(String name, MasterKeys keys) {
    SETS.put(name, keys);
  }

  public static void remove(String name) {
    SETS.remove(name);
  }

  /** The set, or null. */
  public static MasterKeys get(String name) {
    return SETS.get(name);
  }
}
