package fr.breachimpact.config;

/**
 * An ENISA DPC context adjustment declared by the manifest, e.g. +1 because the data reveals
 * the people are patients of a teleconsultation service.
 *
 * @param delta usually -1 or +1; DPC stays within 1..4 after all adjustments
 * @param reason written into the severity report's factors
 */
public record ContextAdjustment(int delta, String reason) {}
