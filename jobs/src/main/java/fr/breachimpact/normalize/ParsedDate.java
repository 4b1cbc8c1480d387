package fr.breachimpact.normalize;

import java.time.LocalDate;

/**
 * @param date the parsed date, null when invalid; @param valid false for an unreadable or
 *     impossible date
 */
public record ParsedDate(LocalDate date, boolean valid) {
  static final ParsedDate INVALID = new ParsedDate(null, false);
}
