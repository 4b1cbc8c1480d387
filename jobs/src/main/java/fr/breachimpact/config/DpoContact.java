package fr.breachimpact.config;

/**
 * The data protection officer's contact that a notification to the CNIL gives (GDPR art. 33(3)(b)):
 * the controller's business contact, not a data subject's.
 */
public record DpoContact(String name, String email, String phone, String address) {

  /** Whether the draft can name the DPO: a name and one way to reach them. */
  public boolean complete() {
    return present(name) && (present(email) || present(phone) || present(address));
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
