package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.link.CleanRows.Rec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermFrequencySummaryTest {

  @Test
  void summarisesEachColumnsFrequenciesWithoutGroupingByValue() {
    // last names: martin x3, durand x1, one missing; five customers in all.
    var side =
        LinkSides.customers(
            CleanRows.customers()
                .add(Rec.of("a1", "Auchan").name("camille", "martin"))
                .add(Rec.of("a2", "Auchan").name("camille", "martin"))
                .add(Rec.of("a3", "Auchan").name("louis", "martin"))
                .add(Rec.of("a4", "Auchan").name("louis", null))
                .add(Rec.of("l1", "Leroy Merlin").name("camille", "durand"))
                .frame(),
            3,
            List.of("first_name_key", "last_name_key"));

    List<TermFrequencySummary> s =
        TermFrequencySummary.of(side, "r_", List.of("first_name_key", "last_name_key"), 5);

    TermFrequencySummary first = s.get(0);
    assertEquals("first_name_key", first.column());
    assertEquals(2, first.values());
    assertEquals(5, first.rowsWithValue());
    assertEquals(0.6, first.maxShare(), 1e-12);
    assertEquals(0.6 * 0.6 + 0.4 * 0.4, first.agreementProbability(), 1e-12);

    TermFrequencySummary last = s.get(1);
    assertEquals(2, last.values());
    assertEquals(4, last.rowsWithValue());
    assertEquals(5, last.rows());
    assertEquals(0.6, last.maxShare(), 1e-12);
    assertEquals(0.6 * 0.6 + 0.2 * 0.2, last.agreementProbability(), 1e-12);
  }
}
