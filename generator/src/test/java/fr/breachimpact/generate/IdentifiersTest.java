package fr.breachimpact.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void nirKeyFollowsTheRuleIncludingCorsica() {
    // 1 85 05 78 006 084: key 97 - (1850578006084 mod 97)
    String nir = Identifiers.nir('1', 1985, 5, "78006", 84);
    assertEquals("185057800608491", nir);
    assertTrue(Checks.nirKeyMatches(nir));
    String corsica = Identifiers.nir('2', 1970, 3, "2A004", 12);
    assertEquals("2A", corsica.substring(5, 7));
    assertTrue(Checks.nirKeyMatches(corsica));
    String haute = Identifiers.nir('1', 1999, 12, "2B033", 999);
    assertTrue(Checks.nirKeyMatches(haute));
    assertTrue(Checks.nirKeyMatches(Identifiers.nir('2', 2001, 7, "97101", 5)));
  }

  @Test
  void ibansAndCardsPassTheirChecks() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 2_000; i++) {
      String iban = Identifiers.frenchIban(r);
      assertTrue(Checks.frenchIbanValid(iban), "IBAN number " + i);
      assertTrue(iban.startsWith("FR76"), "a valid RIB key gives check digits 76");
      String card = Identifiers.cardNumber(r);
      assertTrue(Checks.luhn(card), "card number " + i);
      assertEquals(16, card.length());
    }
  }

  @Test
  void sequentialIndexesGiveDistinctIdsWithValidCheckDigits() {
    Set<String> rpps = new HashSet<>();
    Set<String> auchan = new HashSet<>();
    Set<String> lm = new HashSet<>();
    Set<String> ft = new HashSet<>();
    for (int i = 0; i < 50_000; i++) {
      String r = Identifiers.rpps(i);
      assertEquals(11, r.length());
      assertTrue(r.startsWith("10") && Checks.luhn(r), "RPPS of index " + i);
      rpps.add(r);
      String a = Identifiers.auchanLoyaltyId(i);
      assertTrue(a.matches("2\\d{12}"), "Auchan card of index " + i);
      assertEquals(a.charAt(12) - '0', Identifiers.ean13Digit(a.substring(0, 12)));
      auchan.add(a);
      lm.add(Identifiers.leroyMerlinLoyaltyId(i));
      ft.add(Identifiers.franceTravailId(i));
    }
    assertEquals(50_000, rpps.size());
    assertEquals(50_000, auchan.size());
    assertEquals(50_000, lm.size());
    assertEquals(50_000, ft.size());
  }

  @Test
  void franceTravailIdsStayDistinctBeyondTenMillion() {
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < 4; k++) {
      for (int i = 0; i < 10_000; i++) {
        assertTrue(
            ids.add(Identifiers.franceTravailId(k * 10_000_000L + i)),
            "index " + (k * 10_000_000L + i));
      }
    }
  }

  @Test
  void longHashSetKeepsEachValueOnce() {
    LongHashSet set = new LongHashSet(4);
    SplittableRandom r = new SplittableRandom(9);
    Set<Long> reference = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      long v = r.nextInt(50_000) - 10;
      assertEquals(reference.add(v), set.add(v));
      assertTrue(set.contains(v));
    }
    LongHashSet zero = new LongHashSet(4);
    assertFalse(zero.contains(0L));
    assertTrue(zero.add(0L));
    assertFalse(zero.add(0L));
    assertTrue(zero.contains(0L));
    assertEquals(
        LongHashSet.hash("jean.martin@gmail.com"), LongHashSet.hash("jean.martin@gmail.com"));
  }
}
