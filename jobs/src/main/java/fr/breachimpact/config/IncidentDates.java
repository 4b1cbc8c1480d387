package fr.breachimpact.config;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * @param occurred when the breach happened (first day known)
 * @param becameAware when the controller became aware: the GDPR art. 33 clock starts here
 * @param disclosed when it was made public, if it was
 */
public record IncidentDates(LocalDate occurred, OffsetDateTime becameAware, LocalDate disclosed) {}
