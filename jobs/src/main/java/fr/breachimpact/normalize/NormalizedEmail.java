package fr.breachimpact.normalize;

/**
 * @param normalized trimmed, lower case, domain in ASCII (IDN): what the record says
 * @param key matching key after provider rules; null when the address is invalid
 * @param valid syntax accepted by commons-validator
 */
public record NormalizedEmail(String normalized, String key, boolean valid) {}
