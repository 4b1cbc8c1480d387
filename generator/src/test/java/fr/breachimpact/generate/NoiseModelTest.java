package fr.breachimpact.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The noise model's rates, measured on the persons of a population as each kind of source records
 * them: each rate within a few standard errors of its setting.
 */
class NoiseModelTest {
  private static final long SEED = 11;
  private static final int PERSONS = 12_000;
  private static Population population;
  private static PersonVariants variants;
  private static List<Person> persons;

  @BeforeAll
  static void build() {
    Communes communes = Communes.load();
    NamePools names = NamePools.build(SEED);
    population = Population.build(SEED, PERSONS, communes, names);
    variants = new PersonVariants(SEED, communes, names);
    persons = new ArrayList<>();
    for (int i = 0; i < PERSONS; i++) {
      persons.add(population.person(i));
    }
  }

  private static SourceView thirdParty(NoiseSettings noise, int ordinal) {
    return new SourceView(SEED, noise, variants, ordinal, true, false);
  }

  private static SourceView retailer(NoiseSettings noise) {
    return new SourceView(SEED, noise, variants, 0, false, false);
  }

  /** Share of the persons kept by {@code among} whose record satisfies {@code differs}. */
  private static double share(SourceView view, Predicate<Person> among, Differs differs) {
    int n = 0;
    int hits = 0;
    for (Person p : persons) {
      if (among.test(p)) {
        n++;
        if (differs.test(p, view.of(p))) {
          hits++;
        }
      }
    }
    assertTrue(n > 300, "too few persons to measure a rate: " + n);
    return (double) hits / n;
  }

  private interface Differs {
    boolean test(Person truth, SourceView.Recorded recorded);
  }

  private static void assertRate(double expected, double actual, String what) {
    assertEquals(expected, actual, 0.03, what + " measured " + actual);
  }

  @Test
  void aThirdOfThirdPartyRecordsCarryAnotherEmailAndHalfAnotherPhone() {
    SourceView view = thirdParty(NoiseSettings.REALISTIC, 3);
    assertRate(
        1.0 / 3,
        share(view, p -> p.email() != null, (p, r) -> !p.email().equals(r.person().email())),
        "other email");
    assertRate(
        0.5,
        share(view, p -> true, (p, r) -> !p.phone().equals(r.person().phone())),
        "other phone");
  }

  @Test
  void retailerDumpsKeepTheMastersContactsButForStaleRecords() {
    SourceView view = retailer(NoiseSettings.REALISTIC);
    double stale =
        share(
            view,
            p -> p.email() != null && !p.email().startsWith("contact@"),
            (p, r) ->
                !p.email().equals(r.person().email())
                    && !p.phone().equals(r.person().phone())
                    && !p.street().equals(r.person().street()));
    assertRate(NoiseSettings.REALISTIC.staleRetail(), stale, "stale retailer records");
    assertEquals(
        0,
        share(
            view,
            p -> true,
            (p, r) ->
                !p.lastName().equals(r.person().lastName())
                    || !p.firstName().equals(r.person().firstName())),
        "a retailer's dump renames no one");
  }

  @Test
  void aPersonGivesEveryThirdPartyTheSameOtherEmailAndNumber() {
    SourceView medecin = thirdParty(NoiseSettings.REALISTIC, 3);
    SourceView franceTravail = thirdParty(NoiseSettings.REALISTIC, 4);
    int others = 0;
    for (Person p : persons) {
      Person a = medecin.of(p).person();
      Person b = franceTravail.of(p).person();
      assertEquals(a.email(), b.email(), "email of " + p.personId());
      assertEquals(a.phone(), b.phone(), "phone of " + p.personId());
      others += a.phone().equals(p.phone()) ? 0 : 1;
    }
    assertTrue(others > PERSONS / 3, "other numbers " + others);
  }

  @Test
  void otherValuesComeFromThePersonNotFromTheRecordASourceStartsFrom() {
    SourceView retailer = retailer(NoiseSettings.HARD);
    for (Person p : persons.subList(0, 500)) {
      // As Leroy Merlin may know the person: a typo in the first name, another street.
      Person known =
          new Person(
              p.index(),
              p.personId(),
              p.sex(),
              p.firstName() + "x",
              p.lastName(),
              p.birthDate(),
              p.email(),
              p.mobile(),
              p.landline(),
              "1 Rue Neuve",
              p.postcode(),
              p.city(),
              p.inseeCode(),
              p.nir(),
              p.iban(),
              p.cardNumber(),
              p.householdSize());
      assertEquals(
          variants.of(p), retailer.of(known, p).alternates(), "other values of " + p.personId());
    }
  }

  @Test
  void otherEmailsAndNumbersAreNoOtherPersonsFirstOnes() {
    Set<String> firstEmails = new HashSet<>();
    Set<String> firstPhones = new HashSet<>();
    for (Person p : persons) {
      firstEmails.add(p.email());
      firstPhones.add(p.mobile());
    }
    for (Person p : persons) {
      PersonVariants.Alternates alt = variants.of(p);
      if (alt.email() != null) {
        assertTrue(
            !firstEmails.contains(alt.email()),
            "other email of " + p.personId() + " is a first email");
      }
      assertNotEquals(p.phone(), alt.phone(), "other phone of " + p.personId());
      assertTrue(
          alt.phone().equals(p.landline()) || !firstPhones.contains(alt.phone()),
          "other phone of " + p.personId() + " is someone's first mobile");
    }
  }

  @Test
  void marriedWomenAppearUnderTheirBirthNameInHalfTheThirdPartySources() {
    Predicate<Person> married = p -> variants.of(p).birthName() != null;
    long women =
        persons.stream()
            .filter(
                p -> p.sex() == 'F' && p.birthDate().getYear() <= PersonVariants.LAST_MARRIAGE_YEAR)
            .count();
    long marriedWomen = persons.stream().filter(married).count();
    assertEquals(
        PersonVariants.MARRIED_NAME,
        (double) marriedWomen / women,
        0.03,
        "married women with a birth name");
    assertTrue(
        persons.stream().filter(married).allMatch(p -> p.sex() == 'F'),
        "only women change name here");
    SourceView medecin = thirdParty(NoiseSettings.REALISTIC, 3);
    SourceView weda = thirdParty(NoiseSettings.REALISTIC, 5);
    assertRate(
        0.5,
        share(medecin, married, (p, r) -> r.person().lastName().equals(variants.of(p).birthName())),
        "birth name");
    double oneAndTheOther =
        share(
            medecin,
            married,
            (p, r) -> !r.person().lastName().equals(weda.of(p).person().lastName()));
    assertRate(
        0.5, oneAndTheOther, "one source with the birth name, the other with the usage name");
  }

  @Test
  void aQuarterOfThirdPartyRecordsUseAShortFirstNameWhenItHasOne() {
    SourceView view = thirdParty(NoiseSettings.REALISTIC, 3);
    assertRate(
        NoiseSettings.REALISTIC.nickname(),
        share(
            view,
            p -> FirstNameVariants.hasShortForm(p.firstName()),
            (p, r) -> !p.firstName().equals(r.person().firstName())),
        "nicknames");
    assertEquals(
        0,
        share(
            view,
            p -> !FirstNameVariants.hasShortForm(p.firstName()),
            (p, r) -> !p.firstName().equals(r.person().firstName())));
  }

  @Test
  void compoundFirstNamesShortenToAnInitialTheirInitialsOrTheirFirstPart() {
    Set<String> forms = new HashSet<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      forms.add(FirstNameVariants.shortForm("Jean-Pierre", r));
    }
    assertEquals(Set.of("J-Pierre", "JP", "Jean"), forms);
    assertTrue(List.of("Cathy", "Cathie").contains(FirstNameVariants.shortForm("Catherine", r)));
    assertEquals("Yves", FirstNameVariants.shortForm("Yves", r));
  }

  @Test
  void titlesAppearInTheRatesNameFieldsAndDoctorsForProfessionals() {
    SourceView view = thirdParty(NoiseSettings.REALISTIC, 3);
    assertRate(
        NoiseSettings.REALISTIC.title(),
        share(view, p -> true, (p, r) -> r.title() != null),
        "titles");
    SourceView professionals = new SourceView(SEED, NoiseSettings.HARD, variants, 5, true, true);
    Set<String> titles = new HashSet<>();
    for (Person p : persons) {
      String t = professionals.of(p).title();
      if (t != null) {
        titles.add(t);
      }
    }
    assertTrue(
        titles.containsAll(Set.of("Dr", "Docteur", "Mme", "M.", "Monsieur", "Madame")),
        "titles " + titles);
  }

  @Test
  void thirdPartiesHaveSomePersonsAtAnotherAddress() {
    SourceView view = thirdParty(NoiseSettings.REALISTIC, 3);
    assertRate(
        NoiseSettings.REALISTIC.moved(),
        share(view, p -> true, (p, r) -> !p.street().equals(r.person().street())),
        "moves");
    long newTown =
        persons.stream().filter(p -> !variants.of(p).postcode().equals(p.postcode())).count();
    assertEquals(0.6, (double) newTown / PERSONS, 0.03, "moves to another postcode");
  }

  @Test
  void birthDatesGoMissingOrMistypedAtTheirRates() {
    SourceView view = thirdParty(NoiseSettings.REALISTIC, 3);
    assertRate(
        NoiseSettings.REALISTIC.birthDateMissing(),
        share(view, p -> true, (p, r) -> r.person().birthDate() == null),
        "missing");
    assertRate(
        NoiseSettings.REALISTIC.birthDateTypo(),
        share(
            view,
            p -> true,
            (p, r) ->
                r.person().birthDate() != null && !r.person().birthDate().equals(p.birthDate())),
        "mistyped");
    SourceView retailer = retailer(NoiseSettings.HARD);
    assertRate(
        NoiseSettings.HARD.birthDateTypo(),
        share(retailer, p -> true, (p, r) -> !r.person().birthDate().equals(p.birthDate())),
        "mistyped in a dump");
  }

  @Test
  void aMistypedBirthDateIsOneDigitOffOrDayAndMonthSwapped() {
    SplittableRandom r = new SplittableRandom(5);
    int swapped = 0;
    for (int i = 0; i < 5_000; i++) {
      LocalDate date = LocalDate.of(1940 + r.nextInt(70), 1 + r.nextInt(12), 1 + r.nextInt(28));
      LocalDate typed = Noise.mistypedDate(date, r);
      assertNotEquals(date, typed);
      boolean swap =
          typed.getYear() == date.getYear()
              && typed.getMonthValue() == date.getDayOfMonth()
              && typed.getDayOfMonth() == date.getMonthValue();
      swapped += swap ? 1 : 0;
      String a = date.toString();
      String b = typed.toString();
      int digits = 0;
      for (int k = 0; k < a.length(); k++) {
        digits += a.charAt(k) == b.charAt(k) ? 0 : 1;
      }
      assertTrue(
          swap || digits == 1 || typed.equals(date.minusDays(1)) || typed.equals(date.plusDays(1)),
          "not one typing error: " + i);
    }
    // Half the dates whose day can be a month (about 39 % of them): about 980 of 5,000.
    assertTrue(swapped > 800 && swapped < 1_200, "swapped " + swapped);
  }

  @Test
  void easyRecordsEveryPersonAsTheMasterKnowsThem() {
    SourceView view = thirdParty(NoiseSettings.EASY, 3);
    for (Person p : persons.subList(0, 500)) {
      SourceView.Recorded r = view.of(p);
      assertSame(p, r.person());
      assertNull(r.title());
    }
  }

  @Test
  void theHardProfileRaisesEveryRate() {
    Map<String, Double> realistic = NoiseSettings.REALISTIC.asMap();
    NoiseSettings.HARD.asMap().forEach((k, v) -> assertTrue(v > realistic.get(k), k));
    assertEquals(NoiseSettings.HARD, NoiseSettings.profile("HARD"));
    assertEquals(NoiseSettings.EASY, NoiseSettings.profile("easy"));
  }

  @Test
  void overridesSetOneKnobAndRejectUnknownKnobsAndRatesOutsideZeroOne() {
    NoiseSettings s = NoiseSettings.REALISTIC.with(Map.of("other_email", 0.9, "stale_retail", 0.0));
    assertEquals(0.9, s.otherEmail());
    assertEquals(0.0, s.staleRetail());
    assertEquals(NoiseSettings.REALISTIC.otherPhone(), s.otherPhone());
    assertThrows(
        IllegalArgumentException.class, () -> NoiseSettings.REALISTIC.with(Map.of("email", 0.5)));
    assertThrows(
        IllegalArgumentException.class, () -> NoiseSettings.REALISTIC.with(Map.of("title", 1.5)));
    assertThrows(IllegalArgumentException.class, () -> NoiseSettings.profile("extreme"));
  }
}
