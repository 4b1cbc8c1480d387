package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.link.CleanRows.Rec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
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

  @Test
  void keepsOnlyTheValuesHeldByMoreRowsOfOneBrandThanTheBound() {
    List<Row> overused = COUNTS.overused("phone_e164").collectAsList();
    assertEquals(1, overused.size(), "the Leroy Merlin holder and the single +33166666666 are not overused");
    assertEquals("Auchan", overused.get(0).getAs("brand"));
    assertEquals(3L, overused.get(0).<Long>getAs("n"));
  }

  @Test
  void countsEveryValueOfAPooledColumnOverAllBrandsAndNoNulls() {
    assertEquals(Map.of("camille", 3L, "louis", 2L), asMap(COUNTS.pooled("first_name_key").collectAsList()));
    assertEquals(Map.of("martin", 3L, "durand", 1L), asMap(COUNTS.pooled("last_name_key").collectAsList()));
  }

  @Test
  void countsTheRowsInTheSamePass() {
    assertEquals(5, COUNTS.rows());
  }

  private static Map<String, Long> asMap(List<Row> rows) {
    Map<String, Long> out = new TreeMap<>();
    rows.forEach(r -> out.put(r.getAs("value"), r.getAs("n")));
    return out;
  }
}
