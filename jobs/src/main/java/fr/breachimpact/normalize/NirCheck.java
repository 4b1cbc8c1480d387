package fr.breachimpact.normalize;

/**
 * @param normalized 15 characters (upper case, separators removed), or the cleaned input
 * @param valid structure and key check
 * @param consistent sex and birth year/month agree with the record; null when the NIR is invalid or
 *     the record has neither gender nor birth date
 */
public record NirCheck(String normalized, boolean valid, Boolean consistent) {}
