package fr.breachimpact.security;

import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A set of AES master keys by id, parsed from {@code id:base64,id:base64} (commas, semicolons or
 * line breaks between entries, {@code #} starts a comment line). Keys are 16, 24 or 32 bytes. Error
 * messages name the entry's position and id, never the key material; {@link #toString()} shows the
 * ids only.
 */
public final class MasterKeys {
  private final Map<String, byte[]> keys;

  private MasterKeys(Map<String, byte[]> keys) {
    this.keys = Collections.unmodifiableMap(keys);
  }

  /**
   * @param text the key list
   * @param source where the text came from ("environment variable X", "key file F"), for errors
   * @throws IllegalArgumentException with a one-line message naming {@code source}
   */
  public static MasterKeys parse(String text, String source) {
    Map<String, byte[]> keys = new TreeMap<>();
    int position = 0;
    for (String line : text.split("\\R")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      for (String entry : line.split("[,;]")) {
        String e = entry.strip();
        if (e.isEmpty()) {
          continue;
        }
        position++;
        int colon = e.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException(source + ": entry " + position + " is not id:base64");
        }
        String id = e.substring(0, colon).strip();
        byte[] key;
        try {
          key = Base64.getDecoder().decode(e.substring(colon + 1).strip());
        } catch (IllegalArgumentException bad) {
          throw new IllegalArgumentException(source + ": key '" + id + "' is not valid base64");
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
          throw new IllegalArgumentException(
              source + ": key '" + id + "' has " + key.length + " bytes, AES needs 16, 24 or 32");
        }
        if (keys.put(id, key) != null) {
          throw new IllegalArgumentException(source + ": key '" + id + "' given twice");
        }
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(source + ": no key");
    }
    return new MasterKeys(keys);
  }

  /** Builds a set from raw keys: for tests and the in-memory key sets. */
  public static MasterKeys of(Map<String, byte[]> keys) {
    StringBuilder sb = new StringBuilder();
    keys.forEach(
        (id, k) ->
            sb.append(id).append(':').append(Base64.getEncoder().encodeToString(k)).append(','));
    return parse(sb.toString(), "in-memory key set");
  }

  public boolean has(String id) {
    return keys.containsKey(id);
  }

  /** The key's bytes (a copy), or null when the set has no such id. */
  public byte[] get(String id) {
    byte[] k = keys.get(id);
    return k == null ? null : k.clone();
  }

  public Set<String> ids() {
    return keys.keySet();
  }

  @Override
  public String toString() {
    return "MasterKeys" + keys.keySet();
  }
}
