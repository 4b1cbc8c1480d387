package fr.breachimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NightsBenchTest {
  @Test
  void everyNightFallsInTheRunDatesMonth() {
    LocalDate first = NightsBench.firstDate(LocalDate.of(2026, 11, 29));
    LocalDate last = first.plusDays(NightsBench.AFTER_FULL.size());
    assertEquals(LocalDate.of(2026, 11, 30), last);
    assertEquals(LocalDate.of(2026, 11, 10), NightsBench.firstDate(LocalDate.of(2026, 11, 10)));
  }
}
