package fr.breachimpact.normalize;

/**
 * @param e164 {@code +33612345678}; null when the input is not a possible number or a placeholder
 * @param type libphonenumber's type (MOBILE, FIXED_LINE, VOIP, ...) of a valid number, else null
 * @param valid libphonenumber's validity for the number's region, and not a placeholder
 */
public record NormalizedPhone(String e164, String type, boolean valid) {}
