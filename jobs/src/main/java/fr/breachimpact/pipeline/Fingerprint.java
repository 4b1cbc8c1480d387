package fr.breachimpact.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a stage's output depends on, as one hash: its own inputs (file hashes, config section) and
 * the fingerprints of the stages it reads. Equal fingerprints, equal outputs.
 */
public final class Fingerprint {
  private final MessageDigest digest;

  private Fingerprint(String stage) {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    add("stage", stage);
  }

  public static Fingerprint of(String stage) {
    return new Fingerprint(stage);
  }

  public Fingerprint add(String name, String value) {
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return this;
  }

  public String hex() {
    return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
  }
}
