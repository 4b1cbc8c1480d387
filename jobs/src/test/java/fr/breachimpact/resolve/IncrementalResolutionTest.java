package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.ResolveConfig;
import fr.breachimpact.resolve.Fixtures.Ident;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A night that adds an incident whose records change earlier parties: one makes a family's shared
 * email a hub (a fourth name), one pushes a block of three earlier records past a bound of three.
 * The run on the earlier run's pairs must write what a full run writes.
 */
class IncrementalResolutionTest {
  private static final String FAMILY = "famille.garnier@free.fr";
  private static final String ADDED = "inc-3";

  private static Resolution.Output full;
  private static Resolution.Output incremental;

  @BeforeAll
  static void runs() {
    Ident camille =
        new Ident("camille", "lefebvre", "1984-03-12", "camille.lefebvre@orange.fr", null, "75011");
    List<Row> records = new ArrayList<>();
    records.add(
        new Ident("sophie", "garnier", "1980-02-02", FAMILY, null, null).record("r1", "inc-1"));
    records.add(
        new Ident("lucas", "garnier", "1980-02-02", FAMILY, null, null).record("r2", "inc-1"));
    records.add(
        new Ident("emma", "garnier", "1980-02-02", FAMILY, null, null).record("r3", "inc-2"));
    records.add(
        new Ident("anne", "petit", "1970-01-01", null, null, "59000").record("r4", "inc-1"));
    records.add(
        new Ident("bruno", "roux", "1970-01-01", null, null, "59000").record("r5", "inc-2"));
    records.add(
        new Ident("chloe", "blanc", "1970-01-01", null, null, "59000").record("r6", "inc-2"));
    records.add(camille.record("r7", "inc-1"));
    records.add(camille.withFirst("camile").record("r8", "inc-2"));
    List<Row> customers = List.of(camille.customer("A-1", "Auchan", "Mulliez"));
    List<Row> matches = List.of(Fixtures.match("r7", "inc-1", "A-1", "Auchan"));
    ResolveConfig config = new ResolveConfig(null, null, 3, null, 3, null, null, null, null);
    Resolution.Output earlier = run(records, customers, matches, config, null, null);

    records.add(new Ident("hugo", "garnier", "1980-02-02", FAMILY, null, null).record("r9", ADDED));
    records.add(new Ident("denis", "noir", "1970-01-01", null, null, "59000").record("r10", ADDED));
    records.add(camille.withEmail(null).record("r11", ADDED));
    full = run(records, customers, matches, config, earlier, null);
    incremental =
        run(
            records,
            customers,
            matches,
            config,
            earlier,
            new Resolution.Increment(earlier.dedupePairs().localCheckpoint(), Set.of(ADDED)));
  }

  private static Resolution.Output run(
      List<Row> records,
      List<Row> customers,
      List<Row> matches,
      ResolveConfig config,
      Resolution.Output previous,
      Resolution.Increment increment) {
    LocalDate date = previous == null ? LocalDate.of(2026, 11, 28) : LocalDate.of(2026, 11, 29);
    return Fixtures.resolve(records, customers, matches, config, previous, date, increment);
  }

  @Test
  void theEarlierPartiesTheAddedRecordsChangeArePairedAgain() {
    assertEquals(1, incremental.stats().shiftedBlocks(), "the birth date and postcode block");
    // Three of the family (their email is now a hub), three of the block.
    assertEquals(6, incremental.stats().redoneParties());
    assertTrue(incremental.stats().comparedPairs() < full.stats().comparedPairs());
  }

  @Test
  void theTablesAreThoseOfAFullRun() {
    Fixtures.assertSameTables(full, incremental);
  }
}
