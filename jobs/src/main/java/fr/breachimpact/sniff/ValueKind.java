package fr.breachimpact.sniff;

/** What one sampled value is, by the project's validators or by its shape. */
public enum ValueKind {
  EMAIL("valid emails"),
  PHONE("valid phone numbers (E.164 by libphonenumber)"),
  NIR("NIR with a valid key"),
  IBAN("IBAN passing mod-97"),
  CARD("card numbers passing Luhn with a known issuer"),
  DATE("valid dates"),
  POSTCODE("postcodes of the commune list"),
  COMMUNE("commune names of the commune list"),
  STREET("street addresses (a street word)"),
  GENDER("gender or civility words"),
  UPPER_NAME("names in capitals"),
  NAME("names (letters only, up to three words)"),
  NUMBER("numbers"),
  IDENTIFIER("identifier codes (digits and letters, no space)");

  private final String label;

  ValueKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
