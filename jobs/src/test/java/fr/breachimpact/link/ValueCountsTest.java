package fr.breachimpact.link;

import static fr.breachimpact.testing.Frames.frame;
import static fr.breachimpact.testing.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.link.CleanRows.Rec;
import fr.breachimpact.testing.Frames;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCountsTest {
  private static final ValueCounts COUNTS =
      ValueCounts.of(
          CleanRows.customers()
              .add(Rec.of("a1", "Auchan").name("camille", "martin").phone("+33155555555"))
              .add(Rec.of("a2", "Auchan").name("camille", "martin").phone("+33155555555"))
              .add(Rec.of("a3", "Auchan").name("louis", "martin").phone("+33155555555"))
              .add(Rec.of("a4", "Auchan").name("louis", null).phone("+33166666666"))
              .add(Rec.of("l1", "Leroy Merlin").name("camille", "durand").phone("+33155555555"))
              .frame(),
          "brand",
          List.of("phone_e164"),
          2,
          List.of("first_name_key", "last_name_key"));

  private static final String POOLED = "value STRING, n BIGINT";

  @Test
  void keepsOnlyTheValuesHeldByMoreRowsOfOneBrandThanTheBound() {
    // The Leroy Merlin holder and the single +33166666666 are not overused.
    Frames.assertEqual(
        frame("brand STRING, value STRING, n BIGINT", row("Auchan", "+33155555555", 3L)),
        COUNTS.overused("phone_e164"));
  }

  @Test
  void countsEveryValueOfAPooledColumnOverAllBrandsAndNoNulls() {
    Frames.assertEqualIgnoringOrder(
        frame(POOLED, row("camille", 3L), row("louis", 2L)), COUNTS.pooled("first_name_key"));
    Frames.assertEqualIgnoringOrder(
        frame(POOLED, row("martin", 3L), row("durand", 1L)), COUNTS.pooled("last_name_key"));
  }

  @Test
  void countsTheRowsInTheSamePass() {
    assertEquals(5, COUNTS.rows());
  }
}
