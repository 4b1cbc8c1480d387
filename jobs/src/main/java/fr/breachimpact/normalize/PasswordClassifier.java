package fr.breachimpact.normalize;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Tells a plain-text password from a stored hash by its shape (see {@link PasswordKind} for what
 * each kind exposes). Rules, first match wins: {@code $2a$/$2b$/$2y$/$2x$} bcrypt, {@code $argon2},
 * {@code $scrypt$} or {@code $7$}, {@code pbkdf2} prefixes (Django, passlib), {@code $6$}, {@code
 * $5$}, {@code $1$} crypt, then bare hexadecimal of 32, 40, 64 or 128 digits (MD5, SHA-1, SHA-256,
 * SHA-512). Everything else is plain text.
 *
 * <p>The same table gives the Java function (tests, detection) and the Spark column expression (the
 * stage), so the two cannot disagree.
 */
public final class PasswordClassifier {
  private static final Map<PasswordKind, String> RULES = new LinkedHashMap<>();

  static {
    RULES.put(PasswordKind.BCRYPT, "^\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");
    RULES.put(PasswordKind.ARGON2, "^\\$argon2(id|i|d)\\$.+");
    RULES.put(PasswordKind.SCRYPT, "^(\\$scrypt\\$|\\$7\\$).+");
    RULES.put(PasswordKind.PBKDF2, "^(pbkdf2_sha(1|256|512)\\$|\\$pbkdf2(-sha(1|256|512))?\\$).+");
    RULES.put(PasswordKind.SHA512_CRYPT, "^\\$6\\$.+");
    RULES.put(PasswordKind.SHA256_CRYPT, "^\\$5\\$.+");
    RULES.put(PasswordKind.MD5_CRYPT, "^\\$1\\$.+");
    RULES.put(PasswordKind.MD5, "^[0-9a-fA-F]{32}$");
    RULES.put(PasswordKind.SHA1, "^[0-9a-fA-F]{40}$");
    RULES.put(PasswordKind.SHA256, "^[0-9a-fA-F]{64}$");
    RULES.put(PasswordKind.SHA512, "^[0-9a-fA-F]{128}$");
  }

  private static final Map<PasswordKind, Pattern> PATTERNS = new LinkedHashMap<>();

  static {
    RULES.forEach((k, v) -> PATTERNS.put(k, Pattern.compile(v)));
  }

  private PasswordClassifier() {}

  /** Null for a null or blank input (surrounding white space is not part of a hash). */
  public static PasswordKind classify(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    for (Map.Entry<PasswordKind, Pattern> e : PATTERNS.entrySet()) {
      if (e.getValue().matcher(s).matches()) {
        return e.getKey();
      }
    }
    return PasswordKind.PLAIN;
  }

  /** The kind's name as a Spark column, null where the input is null or blank. */
  public static Column column(Column raw) {
    Column s = trim(raw);
    Column result = lit(PasswordKind.PLAIN.name());
    // Built from the last rule to the first so that the first rule is the outermost test.
    PasswordKind[] kinds = RULES.keySet().toArray(new PasswordKind[0]);
    for (int i = kinds.length - 1; i >= 0; i--) {
      result = when(s.rlike(RULES.get(kinds[i])), lit(kinds[i].name())).otherwise(result);
    }
    return when(raw.isNull().or(s.equalTo("")), lit(null).cast("string")).otherwise(result);
  }
}
