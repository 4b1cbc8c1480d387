package fr.breachimpact.normalize;

/**
 * @param postcode five digits (leading zero restored); the cleaned input when invalid
 * @param department 2 characters (75, 2A, 2B) or 3 for overseas (971); null when invalid
 * @param valid five digits with a department that exists
 */
public record NormalizedPostcode(String postcode, String department, boolean valid) {}
