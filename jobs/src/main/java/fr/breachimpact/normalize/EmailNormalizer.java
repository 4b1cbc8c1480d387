package fr.breachimpact.normalize;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * Email addresses: trimmed, lower case (no French provider treats the local part as case
 * sensitive), a {@code mailto:} prefix dropped, the domain converted to ASCII (IDN, so that {@code
 * élysée.fr} and {@code xn--lyse-bsab.fr} are one domain), syntax checked by commons-validator.
 *
 * <p>The matching key applies the provider rules that make two spellings one mailbox:
 *
 * <ul>
 *   <li>Gmail ({@code gmail.com}, {@code googlemail.com}): dots in the local part ignored, {@code
 *       +tag} dropped, domain {@code gmail.com};
 *   <li>{@code +tag} dropped at providers known to deliver sub-addresses to the same mailbox:
 *       Outlook/Hotmail/Live/MSN, iCloud/me.com, Proton, Fastmail, Yahoo is not one of them (it
 *       uses {@code -} for disposable addresses, which are distinct mailboxes);
 *   <li>French providers (Orange/Wanadoo, Free, SFR, La Poste, Bbox) keep the address as it is:
 *       their sub-addressing is not documented, and a {@code +} there may be part of a real
 *       address.
 * </ul>
 */
public final class EmailNormalizer {
  private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);
  private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");
  private static final Set<String> PLUS_TAG =
      Set.of(
          "outlook.com",
          "outlook.fr",
          "hotmail.com",
          "hotmail.fr",
          "live.com",
          "live.fr",
          "msn.com",
          "icloud.com",
          "me.com",
          "mac.com",
          "protonmail.com",
          "proton.me",
          "pm.me",
          "fastmail.com");

  private EmailNormalizer() {}

  /** Null for a null or blank input. */
  public static NormalizedEmail normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip().toLowerCase(Locale.ROOT);
    while (s.startsWith("mailto:")) {
      s = s.substring("mailto:".length()).strip();
    }
    if (s.isEmpty()) {
      return null;
    }
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1) {
      return new NormalizedEmail(s, null, false);
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    if (!domain.chars().allMatch(c -> c < 0x80)) { // ASCII domains need no IDN conversion
      try {
        domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return new NormalizedEmail(s, null, false);
      }
    }
    String normalized = local + "@" + domain;
    boolean valid = VALIDATOR.isValid(normalized);
    return new NormalizedEmail(normalized, valid ? key(local, domain) : null, valid);
  }

  private static String key(String local, String domain) {
    if (GMAIL.contains(domain)) {
      return dropTag(local).replace(".", "") + "@gmail.com";
    }
    if (PLUS_TAG.contains(domain)) {
      return dropTag(local) + "@" + domain;
    }
    return local + "@" + domain;
  }

  private static String dropTag(String local) {
    int plus = local.indexOf('+');
    return plus > 0 ? local.substring(0, plus) : local;
  }
}
