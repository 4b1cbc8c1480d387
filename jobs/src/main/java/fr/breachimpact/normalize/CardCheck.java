package fr.breachimpact.normalize;

/**
 * @param valid 12 to 19 digits passing Luhn; @param issuer network by number range, null if unknown
 */
public record CardCheck(boolean valid, String issuer) {}
