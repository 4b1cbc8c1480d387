package fr.breachimpact.generate;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The synthetic French population. A person is a pure function of (seed, index), so nothing is held
 * per person but a few bytes: leaks and customer files regenerate the persons they need. A first
 * pass makes emails and NIRs unique (two Jean Martin at gmail.com get different addresses) and
 * records the few overrides it needed.
 *
 * <p>Persons live in blocks of four consecutive indexes; the first one to four persons of a block
 * may form a household sharing a surname, an address and a landline (the family phone).
 */
public final class Population {
  static final int BLOCK = 4;
  private static final long HOUSEHOLD = 1;
  private static final long PERSON = 2;
  private static final long MEMBERSHIP = 3;
  private static final long NIR_RETRY = 4;

  public static final int AUCHAN = 1;
  public static final int LEROY_MERLIN = 2;

  /** Shared addresses of small businesses: several unrelated persons give them. */
  static final String[] SHARED_EMAILS = {
    "contact@boulangerie-dupre.fr",
    "contact@garage-du-centre.fr",
    "contact@sarl-batiplus.fr",
    "contact@pharmacie-des-halles.fr",
    "contact@cabinet-roussel.fr"
  };

  private static final String[] ABROAD = {
    "99350", "99352", "99351", "99139", "99127", "99134", "99109", "99131"
  };

  private final long seed;
  private final int size;
  private final Communes communes;
  private final NamePools names;
  private final short[] birthYears;
  private final byte[] memberships;
  private final Map<Integer, Integer> emailSuffix = new HashMap<>();
  private final Map<Integer, Integer> nirOrder = new HashMap<>();

  private Population(long seed, int size, Communes communes, NamePools names) {
    this.seed = seed;
    this.size = size;
    this.communes = communes;
    this.names = names;
    this.birthYears = new short[size];
    this.memberships = new byte[size];
  }

  /**
   * Builds the population: one pass over every person to settle unique emails and NIRs. The pass
   * keeps 64-bit hashes, not strings: a hash collision only costs a needless suffix.
   */
  public static Population build(long seed, int size, Communes communes, NamePools names) {
    Population p = new Population(seed, size, communes, names);
    LongHashSet emails = new LongHashSet(size);
    LongHashSet nirs = new LongHashSet(size);
    for (int i = 0; i < size; i++) {
      Person person = p.person(i);
      p.birthYears[i] = (short) person.birthDate().getYear();
      p.memberships[i] = p.drawMembership(i, person.birthDate().getYear());
      String email = person.email();
      if (email != null && !email.startsWith("contact@") && !emails.add(LongHashSet.hash(email))) {
        int k = 2;
        while (emails.contains(LongHashSet.hash(withSuffix(email, k)))) {
          k++;
        }
        p.emailSuffix.put(i, k);
        emails.add(LongHashSet.hash(withSuffix(email, k)));
      }
      if (!nirs.add(LongHashSet.hash(person.nir()))) {
        SplittableRandom retry = Seeds.stream(seed, NIR_RETRY, i);
        String nir;
        int order;
        do {
          order = 1 + retry.nextInt(999);
          nir = withOrder(person.nir(), order);
        } while (nirs.contains(LongHashSet.hash(nir)));
        p.nirOrder.put(i, order);
        nirs.add(LongHashSet.hash(nir));
      }
    }
    return p;
  }

  public int size() {
    return size;
  }

  public int birthYear(int index) {
    return birthYears[index];
  }

  public boolean isCustomerOf(int index, int brand) {
    return (memberships[index] & brand) != 0;
  }

  public boolean isGroupCustomer(int index) {
    return memberships[index] != 0;
  }

  /**
   * About 40 % of persons are Auchan customers, 25 % Leroy Merlin's, 10 % both (independent draws).
   */
  private byte drawMembership(int index, int birthYear) {
    SplittableRandom r = Seeds.stream(seed, MEMBERSHIP, index);
    if (birthYear > 2007) {
      return 0; // no loyalty card before 18
    }
    int m = 0;
    if (r.nextDouble() < 0.41) {
      m |= AUCHAN;
    }
    if (r.nextDouble() < 0.255) {
      m |= LEROY_MERLIN;
    }
    return (byte) m;
  }

  /** The person at {@code index}, always the same for the same seed. */
  public Person person(int index) {
    int block = index / BLOCK;
    int slot = index % BLOCK;
    SplittableRandom household = Seeds.stream(seed, HOUSEHOLD, block);
    int householdSize = householdSize(household);
    boolean inHousehold = slot < householdSize && householdSize > 1;
    String sharedSurname = names.surname(household);
    Communes.Commune sharedCommune = communes.draw(household);
    String sharedPostcode = pick(household, sharedCommune);
    String sharedStreet = streetLine(household);
    boolean sharedLandline = household.nextDouble() < 0.55;

    SplittableRandom r = Seeds.stream(seed, PERSON, index);
    char sex = r.nextDouble() < 0.515 ? 'F' : 'M';
    int year = 1940 + r.nextInt(69);
    if (year < 1950 && r.nextDouble() < 0.4) {
      year = 1950 + r.nextInt(59);
    }
    int month = 1 + r.nextInt(12);
    LocalDate birthDate =
        LocalDate.of(year, month, 1 + r.nextInt(LocalDate.of(year, month, 1).lengthOfMonth()));
    String first = names.firstName(r, sex, year);
    String last;
    Communes.Commune commune;
    String postcode;
    String street;
    String landline;
    if (inHousehold) {
      last = sharedSurname;
      commune = sharedCommune;
      postcode = sharedPostcode;
      street = sharedStreet;
      landline = sharedLandline ? landline(block * (long) BLOCK, commune.department()) : null;
    } else {
      last = names.surname(r);
      if (r.nextDouble() < 0.02) {
        String second = names.surname(r);
        if (!second.equals(last) && !last.contains(" ") && !second.contains(" ")) {
          last = last + "-" + second; // double surname given since 2005
        }
      }
      commune = communes.draw(r);
      postcode = pick(r, commune);
      street = streetLine(r);
      landline = r.nextDouble() < 0.3 ? landline(index, commune.department()) : null;
    }
    String mobile = r.nextDouble() < (year < 1950 ? 0.7 : 0.93) ? mobile(index) : null;
    if (mobile == null && landline == null) {
      landline = landline(index, commune.department());
    }
    String email = email(r, first, last, year);
    Integer suffix = emailSuffix.get(index);
    if (email != null && suffix != null) {
      email = withSuffix(email, suffix);
    }
    String birthplace =
        r.nextDouble() < 0.08 ? ABROAD[r.nextInt(ABROAD.length)] : communes.draw(r).inseeCode();
    int order = 1 + r.nextInt(999);
    Integer override = nirOrder.get(index);
    String nir =
        Identifiers.nir(
            sex == 'M' ? '1' : '2', year, month, birthplace, override != null ? override : order);
    String iban = year <= 2007 && r.nextDouble() < 0.95 ? Identifiers.frenchIban(r) : null;
    String card = year <= 2007 && r.nextDouble() < 0.7 ? Identifiers.cardNumber(r) : null;
    return new Person(
        index,
        Person.idOf(index),
        sex,
        first,
        last,
        birthDate,
        email,
        mobile,
        landline,
        street,
        postcode,
        commune.name(),
        commune.inseeCode(),
        nir,
        iban,
        card,
        inHousehold ? householdSize : 1);
  }

  private static int householdSize(SplittableRandom r) {
    double u = r.nextDouble();
    return u < 0.55 ? 1 : u < 0.80 ? 2 : u < 0.93 ? 3 : 4;
  }

  private static String pick(SplittableRandom r, Communes.Commune commune) {
    return commune.postcodes().get(r.nextInt(commune.postcodes().size()));
  }

  private String streetLine(SplittableRandom r) {
    int number = 1 + (int) (150 * Math.pow(r.nextDouble(), 2));
    String bis = r.nextDouble() < 0.04 ? " bis" : "";
    String line = number + bis + " " + names.street(r);
    double u = r.nextDouble();
    if (u < 0.04) {
      line = line + ", Apt " + (1 + r.nextInt(60));
    } else if (u < 0.06) {
      line = "Bât " + (char) ('A' + r.nextInt(6)) + ", " + line;
    }
    return line;
  }

  /** Mobile prefixes libphonenumber accepts followed by any seven digits. */
  private static final String[] MOBILE_PREFIXES = {
    "060", "061", "062", "064", "065", "066", "067", "068", "061", "062", "066", "067", "068",
    "073", "074", "075", "076", "077", "078", "079"
  };

  private static final long SEVEN_DIGITS = 10_000_000L;

  /**
   * Unique per index: the seven last digits are a bijection of the index modulo ten million, and
   * the prefix shifts with each further ten million persons.
   */
  static String mobile(int index) {
    long suffix = Identifiers.permute(index % SEVEN_DIGITS, SEVEN_DIGITS, 6);
    int prefix = (int) ((suffix + index / SEVEN_DIGITS) % MOBILE_PREFIXES.length);
    return MOBILE_PREFIXES[prefix] + Identifiers.pad(suffix, 7);
  }

  /** Third digits in service after 01..05 (libphonenumber's French fixed-line ranges). */
  private static final String[] THIRD_DIGITS = {
    "0123456789", "012345789", "0123456789", "123456789", "012345678"
  };

  /**
   * Landline whose second digit is the region of the department (01 Île-de-France ... 05), a third
   * digit in the ranges in service, and seven digits: unique per key (the index of the household's
   * first person, or of the person living alone), as for mobiles.
   */
  static String landline(long key, String department) {
    char region = region(department);
    String thirds = THIRD_DIGITS[region - '1'];
    long suffix = Identifiers.permute(key % SEVEN_DIGITS, SEVEN_DIGITS, 7);
    char third = thirds.charAt((int) ((suffix + key / SEVEN_DIGITS) % thirds.length()));
    return "0" + region + third + Identifiers.pad(suffix, 7);
  }

  static char region(String department) {
    switch (department) {
      case "75":
      case "77":
      case "78":
      case "91":
      case "92":
      case "93":
      case "94":
      case "95":
        return '1';
      case "14":
      case "18":
      case "22":
      case "27":
      case "28":
      case "29":
      case "35":
      case "36":
      case "37":
      case "41":
      case "44":
      case "45":
      case "49":
      case "50":
      case "53":
      case "56":
      case "61":
      case "72":
      case "76":
      case "85":
      case "974":
      case "976":
        return '2';
      case "02":
      case "08":
      case "10":
      case "21":
      case "25":
      case "39":
      case "51":
      case "52":
      case "54":
      case "55":
      case "57":
      case "58":
      case "59":
      case "60":
      case "62":
      case "67":
      case "68":
      case "70":
      case "71":
      case "80":
      case "88":
      case "89":
      case "90":
        return '3';
      case "01":
      case "03":
      case "04":
      case "05":
      case "06":
      case "07":
      case "13":
      case "15":
      case "2A":
      case "2B":
      case "26":
      case "30":
      case "34":
      case "38":
      case "42":
      case "43":
      case "48":
      case "63":
      case "66":
      case "69":
      case "73":
      case "74":
      case "83":
      case "84":
        return '4';
      default:
        return '5';
    }
  }

  private static final String[] OLDER_PROVIDERS = {
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "laposte.net",
    "sfr.fr",
    "orange.fr",
    "gmail.com",
    "yahoo.fr",
    "hotmail.fr",
    "neuf.fr",
    "club-internet.fr",
    "aol.com"
  };
  private static final String[] YOUNGER_PROVIDERS = {
    "gmail.com", "gmail.com", "gmail.com", "hotmail.fr", "outlook.fr", "yahoo.fr", "orange.fr",
    "free.fr", "sfr.fr", "laposte.net", "icloud.com", "live.fr", "hotmail.com", "protonmail.com"
  };

  private static String email(SplittableRandom r, String first, String last, int year) {
    if (r.nextDouble() < (year < 1955 ? 0.15 : 0.03)) {
      return null;
    }
    if (r.nextDouble() < 0.002) {
      return SHARED_EMAILS[r.nextInt(SHARED_EMAILS.length)];
    }
    String f = localPart(first, r);
    String l = localPart(last, r);
    String yy = Identifiers.pad(year % 100, 2);
    String local;
    double u = r.nextDouble();
    if (u < 0.35) {
      local = f + "." + l;
    } else if (u < 0.45) {
      local = f + l;
    } else if (u < 0.55) {
      local = f.charAt(0) + "." + l;
    } else if (u < 0.65) {
      local = f + "." + l + yy;
    } else if (u < 0.72) {
      local = l + "." + f;
    } else if (u < 0.77) {
      local = f + "_" + l;
    } else if (u < 0.85) {
      local = f + l.charAt(0) + (10 + r.nextInt(90));
    } else if (u < 0.90) {
      local = f + "." + l + (100 + r.nextInt(900));
    } else if (u < 0.95) {
      local = l + f.charAt(0);
    } else {
      local = f + year;
    }
    String[] providers = year < 1970 ? OLDER_PROVIDERS : YOUNGER_PROVIDERS;
    return local + "@" + providers[r.nextInt(providers.length)];
  }

  /** Lower case without accents, spaces or apostrophes; hyphens kept or dropped. */
  private static String localPart(String name, SplittableRandom r) {
    String s = foldAccents(name).toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "");
    return r.nextBoolean() ? s : s.replace("-", "");
  }

  static String foldAccents(String s) {
    if (isAscii(s)) {
      return s;
    }
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    return MARKS
        .matcher(decomposed)
        .replaceAll("")
        .replace("œ", "oe")
        .replace("Œ", "OE")
        .replace("æ", "ae")
        .replace("ß", "ss")
        .replace("ł", "l")
        .replace("Ł", "L");
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  static String withSuffix(String email, int k) {
    int at = email.indexOf('@');
    return email.substring(0, at) + k + email.substring(at);
  }

  private static String withOrder(String nir, int order) {
    String body = nir.substring(0, 10) + Identifiers.pad(order, 3);
    return body + Identifiers.two(Identifiers.nirKey(body));
  }
}
