package fr.breachimpact.normalize;

/**
 * What a leaked password field holds, and how much it gives away. Every kind exposes CREDENTIALS
 * (verified); the difference is what an attacker can do with it: a {@link Exposure#PLAINTEXT}
 * password opens the account (and every account where it is reused) at once, a {@link
 * Exposure#FAST_HASH} (unsalted MD5/SHA) falls to a dictionary in minutes and counts as nearly
 * plain, a {@link Exposure#SLOW_HASH} (bcrypt, argon2, scrypt, PBKDF2, crypt SHA-512) costs real
 * work per guess. Reports raise the CREDENTIALS context for PLAINTEXT and FAST_HASH.
 */
public enum PasswordKind {
  PLAIN(Exposure.PLAINTEXT),
  /** 32 hex digits: MD5, or NTLM (same shape). */
  MD5(Exposure.FAST_HASH),
  SHA1(Exposure.FAST_HASH),
  SHA256(Exposure.FAST_HASH),
  SHA512(Exposure.FAST_HASH),
  MD5_CRYPT(Exposure.FAST_HASH),
  SHA256_CRYPT(Exposure.SLOW_HASH),
  SHA512_CRYPT(Exposure.SLOW_HASH),
  BCRYPT(Exposure.SLOW_HASH),
  ARGON2(Exposure.SLOW_HASH),
  SCRYPT(Exposure.SLOW_HASH),
  PBKDF2(Exposure.SLOW_HASH);

  /** What the stored value gives an attacker. */
  public enum Exposure {
    PLAINTEXT,
    FAST_HASH,
    SLOW_HASH
  }

  private final Exposure exposure;

  PasswordKind(Exposure exposure) {
    this.exposure = exposure;
  }

  public Exposure exposure() {
    return exposure;
  }
}
