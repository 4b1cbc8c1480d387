package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RandomPairsTest {
  @Test
  void twoLargeSidesGiveTheTargetFromAboutThirtyOneThousandRowsEach() {
    assertArrayEquals(
        new long[] {31_250, 31_250}, RandomPairs.rowsKept(893_523, 2_024_695, 1_000_000));
  }

  @Test
  void sidesSmallerThanTheSampleAreKeptWhole() {
    assertArrayEquals(new long[] {20, 15}, RandomPairs.rowsKept(20, 15, 1_000_000));
    assertArrayEquals(
        new long[] {5_000, 31_250}, RandomPairs.rowsKept(5_000, 2_000_000, 1_000_000));
  }

  @Test
  void aTinySideMeetsMoreRowsOfTheOtherSoThatTheTargetIsStillReached() {
    assertArrayEquals(new long[] {10, 100_000}, RandomPairs.rowsKept(10, 2_000_000, 1_000_000));
    assertArrayEquals(new long[] {100_000, 10}, RandomPairs.rowsKept(1_000_000, 10, 1_000_000));
  }
}
