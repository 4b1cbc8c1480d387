package fr.breachimpact.normalize;

/** A full name split into first and last name (display forms); either may be null. */
public record SplitName(String firstName, String lastName) {}
