package fr.breachimpact.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What else a person may give an organisation than what the retailer knows: another email and
 * another number of theirs, a birth name for married women, another address. A pure function of
 * (seed, person), so that every source that uses them shows the same ones.
 */
final class PersonVariants {
  private static final long VARIANTS = 30;

  /** Women born up to this year may be married and use their spouse's name. */
  static final int LAST_MARRIAGE_YEAR = 1998;

  /** Share of those women who use a spouse's name and keep a birth name apart. */
  static final double MARRIED_NAME = 0.55;

  /** Providers no person has as first address, so another email never is someone else's. */
  private static final String[] OTHER_PROVIDERS = {
    "gmx.fr",
    "yahoo.com",
    "outlook.com",
    "bbox.fr",
    "aliceadsl.fr",
    "numericable.fr",
    "mail.com",
    "ymail.com"
  };

  /** 063x mobile numbers with x in 0..8 (valid for libphonenumber): no person's first mobile. */
  private static final long OTHER_MOBILES = 9_000_000L;

  /**
   * @param email null when the person has no email at all
   * @param phone another number of the person's: the household landline or a second mobile
   * @param birthName null unless the person uses a spouse's name
   */
  record Alternates(
      String email,
      String phone,
      String birthName,
      String street,
      String postcode,
      String city,
      String inseeCode) {}

  private final long seed;
  private final Communes communes;
  private final NamePools names;

  PersonVariants(long seed, Communes communes, NamePools names) {
    this.seed = seed;
    this.communes = communes;
    this.names = names;
  }

  Alternates of(Person p) {
    SplittableRandom r = Seeds.stream(seed, VARIANTS, p.index());
    String email = p.email() == null ? null : otherEmail(p, r);
    String phone =
        p.mobile() != null && p.landline() != null && r.nextBoolean()
            ? p.landline()
            : otherMobile(p.index());
    String birthName = null;
    if (p.sex() == 'F'
        && p.birthDate().getYear() <= LAST_MARRIAGE_YEAR
        && r.nextDouble() < MARRIED_NAME) {
      for (int k = 0; k < 4 && (birthName == null || birthName.equals(p.lastName())); k++) {
        birthName = names.surname(r);
      }
      if (birthName.equals(p.lastName())) {
        birthName = null;
      }
    }
    String street;
    Communes.Commune commune;
    String postcode;
    if (r.nextDouble() < 0.4) { // a move within the town: only the street changes
      street = otherStreet(r, p.street());
      return new Alternates(email, phone, birthName, street, p.postcode(), p.city(), p.inseeCode());
    }
    commune = communes.draw(r);
    postcode = commune.postcodes().get(r.nextInt(commune.postcodes().size()));
    street = otherStreet(r, p.street());
    return new Alternates(
        email, phone, birthName, street, postcode, commune.name(), commune.inseeCode());
  }

  private String otherStreet(SplittableRandom r, String current) {
    String street;
    do {
      street = (1 + (int) (120 * Math.pow(r.nextDouble(), 2))) + " " + names.street(r);
    } while (street.equals(current));
    return street;
  }

  /** Another address at a provider no one has as first address, often with a number. */
  private static String otherEmail(Person p, SplittableRandom r) {
    String f = local(p.firstName());
    String l = local(p.lastName());
    String local;
    double u = r.nextDouble();
    if (u < 0.3) {
      local = f + "." + l;
    } else if (u < 0.5) {
      local = f.charAt(0) + l;
    } else if (u < 0.7) {
      local = l + "." + f;
    } else if (u < 0.85) {
      local = f + "_" + l;
    } else {
      local = l + f.charAt(0);
    }
    if (r.nextDouble() < 0.7) {
      local = local + (10 + r.nextInt(990));
    }
    return local + "@" + OTHER_PROVIDERS[r.nextInt(OTHER_PROVIDERS.length)];
  }

  private static String local(String name) {
    return Population.foldAccents(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  /**
   * A second mobile, unique per index up to nine million persons: the last seven digits are a
   * bijection of the index over 063 0000000 .. 063 8999999.
   */
  static String otherMobile(int index) {
    // permute's salt-6 multiplier, 5,915,587, is neither even nor a multiple of 3 or 5: coprime
    // with nine million, so this is a bijection too.
    long n = Identifiers.permute(index % OTHER_MOBILES, OTHER_MOBILES, 6);
    return "063" + (n / 1_000_000) + Identifiers.pad(n % 1_000_000, 6);
  }
}
