package fr.breachimpact.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NamePoolsTest {

  @Test
  void frequentFrenchSurnamesAreFrequent() {
    NamePools pools = NamePools.build(42);
    SplittableRandom r = new SplittableRandom(1);
    Map<String, Integer> counts = new HashMap<>();
    int draws = 100_000;
    for (int i = 0; i < draws; i++) {
      counts.merge(pools.surname(r), 1, Integer::sum);
    }
    List<String> top10 =
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(10)
            .map(Map.Entry::getKey)
            .collect(Collectors.toList());
    List<String> realTop15 = NamePools.TOP_SURNAMES.subList(0, 15);
    assertTrue(
        realTop15.containsAll(top10),
        "the ten most drawn are among the real fifteen most frequent");
    int martin = counts.get("Martin");
    assertTrue(martin > draws / 200 && martin < draws / 25, "Martin drawn " + martin + " times");
    long rare = counts.values().stream().filter(n -> n < martin / 20).count();
    assertTrue(rare > 200, "a long tail of surnames twenty times rarer than Martin: " + rare);
    assertTrue(pools.surnameCount() > 500, "surnames " + pools.surnameCount());
  }

  @Test
  void firstNamesFollowSexAndIncludeCompoundNames() {
    NamePools pools = NamePools.build(42);
    SplittableRandom r = new SplittableRandom(2);
    boolean compound = false;
    for (int i = 0; i < 5_000; i++) {
      String f = pools.firstName(r, 'F', 1950 + i % 50);
      assertTrue(NamePools.FEMALE_OLDER.contains(f) || NamePools.FEMALE_YOUNGER.contains(f));
      String m = pools.firstName(r, 'M', 1950 + i % 50);
      assertTrue(NamePools.MALE_OLDER.contains(m) || NamePools.MALE_YOUNGER.contains(m));
      compound |= f.contains("-") || m.contains("-");
    }
    assertTrue(compound, "compound first names");
  }

  @Test
  void everyShortFormIsOfAFirstNameThePoolsGive() {
    List<String> all = new java.util.ArrayList<>();
    for (List<String> pool :
        List.of(
            NamePools.FEMALE_OLDER,
            NamePools.FEMALE_YOUNGER,
            NamePools.MALE_OLDER,
            NamePools.MALE_YOUNGER)) {
      all.addAll(pool);
    }
    for (Map.Entry<String, List<String>> e : FirstNameVariants.SHORT_FORMS.entrySet()) {
      assertTrue(all.contains(e.getKey()), "not a pool first name: " + e.getKey());
      assertTrue(
          e.getValue().stream().noneMatch(e.getKey()::equals),
          "a short form equal to its name: " + e.getKey());
    }
    long withShortForm = all.stream().distinct().filter(FirstNameVariants::hasShortForm).count();
    assertTrue(withShortForm >= 50, "first names with a short form: " + withShortForm);
  }
}
