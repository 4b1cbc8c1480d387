package fr.breachimpact.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A person as one incident's organisation recorded them, before the row's typing errors: a third
 * party recorded people independently (another email or number of theirs, a birth name, a nickname,
 * an older or newer address, a birth date missing or mistyped); a retailer's dump copies its
 * customer records, some older than the master. Each decision is drawn from its own stream per
 * (person, incident), so the rows' other noise does not move when a rate changes.
 */
final class SourceView {
  private static final long RECORDED = 31;
  private static final long CONTACTS = 32;

  /** Incident ordinals stay below this in the stream keys. */
  private static final int MAX_INCIDENTS = 16;

  /**
   * @param alternates the person's other values the source could use, null with no noise
   * @param title null, or a title the row writes before a name
   * @param titleOnFirstName the title goes before the first name rather than the last name
   */
  record Recorded(
      Person person,
      PersonVariants.Alternates alternates,
      String title,
      boolean titleOnFirstName) {}

  private final long seed;
  private final NoiseSettings noise;
  private final PersonVariants variants;
  private final int ordinal;
  private final boolean thirdParty;
  private final boolean professionals;

  /**
   * @param thirdParty an organisation outside the customer master's group
   * @param professionals the records are health professionals' (Dr in name fields)
   */
  SourceView(
      long seed,
      NoiseSettings noise,
      PersonVariants variants,
      int ordinal,
      boolean thirdParty,
      boolean professionals) {
    if (ordinal < 0 || ordinal >= MAX_INCIDENTS) {
      throw new IllegalArgumentException("incident ordinal " + ordinal);
    }
    this.seed = seed;
    this.noise = noise;
    this.variants = variants;
    this.ordinal = ordinal;
    this.thirdParty = thirdParty;
    this.professionals = professionals;
  }

  boolean thirdParty() {
    return thirdParty;
  }

  Recorded of(Person p) {
    return of(p, p);
  }

  /**
   * @param p the person as the source's records start from (Leroy Merlin's view for its dump)
   * @param master the person of the population, whose other values are the same for every source
   */
  Recorded of(Person p, Person master) {
    if (noise.equals(NoiseSettings.EASY)) {
      return new Recorded(p, null, null, false);
    }
    // Every decision is drawn first, whatever the rates: raising a rate only adds differences.
    SplittableRandom r = Seeds.stream(seed, RECORDED, p.index() * (long) MAX_INCIDENTS + ordinal);
    double stale = r.nextDouble();
    double birthName = r.nextDouble();
    double nickname = r.nextDouble();
    double moved = r.nextDouble();
    double date = r.nextDouble();
    double title = r.nextDouble();
    SplittableRandom contacts = Seeds.stream(seed, CONTACTS, p.index());
    double otherEmail = contacts.nextDouble();
    double otherPhone = contacts.nextDouble();

    PersonVariants.Alternates alt = variants.of(master);
    String email = p.email();
    String mobile = p.mobile();
    String last = p.lastName();
    String first = p.firstName();
    boolean elsewhere;
    LocalDate birthDate = p.birthDate();
    if (thirdParty) {
      // Per person, not per source: whoever gives a third party another email or number gives it to
      // all.
      if (otherEmail < noise.otherEmail() && alt.email() != null) {
        email = alt.email();
      }
      if (otherPhone < noise.otherPhone()) {
        mobile = alt.phone();
      }
      if (alt.birthName() != null && birthName < noise.birthName()) {
        last = alt.birthName();
      }
      if (nickname < noise.nickname()) {
        first = FirstNameVariants.shortForm(first, r);
      }
      elsewhere = moved < noise.moved();
      if (date < noise.birthDateMissing()) {
        birthDate = null;
      } else if (date < noise.birthDateMissing() + noise.birthDateTypo()) {
        birthDate = Noise.mistypedDate(birthDate, r);
      }
    } else {
      elsewhere = stale < noise.staleRetail();
      if (elsewhere) {
        email = alt.email();
        mobile = alt.phone();
      }
      if (date < noise.birthDateTypo()) {
        birthDate = Noise.mistypedDate(birthDate, r);
      }
    }
    Person recorded =
        new Person(
            p.index(),
            p.personId(),
            p.sex(),
            first,
            last,
            birthDate,
            email,
            mobile,
            p.landline(),
            elsewhere ? alt.street() : p.street(),
            elsewhere ? alt.postcode() : p.postcode(),
            elsewhere ? alt.city() : p.city(),
            elsewhere ? alt.inseeCode() : p.inseeCode(),
            p.nir(),
            p.iban(),
            p.cardNumber(),
            p.householdSize());
    if (title >= noise.title()) {
      return new Recorded(recorded, alt, null, false);
    }
    return new Recorded(recorded, alt, title(p, r), r.nextDouble() < 0.3);
  }

  private String title(Person p, SplittableRandom r) {
    double u = r.nextDouble();
    if (professionals && u < 0.6) {
      return u < 0.45 ? "Dr" : "Docteur";
    }
    u = r.nextDouble();
    if (p.sex() == 'F') {
      return u < 0.6 ? "Mme" : u < 0.85 ? "Madame" : "Mlle";
    }
    return u < 0.6 ? "M." : u < 0.9 ? "Monsieur" : "Mr";
  }
}
