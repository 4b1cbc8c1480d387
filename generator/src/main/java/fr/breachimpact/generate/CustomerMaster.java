package fr.breachimpact.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The Mulliez group's customer master: Auchan and Leroy Merlin, each with its own customer and
 * loyalty ids. A person who is a customer of both brands has two records that differ a little
 * (Leroy Merlin's is more recent: moved house, new email, a typo in a name).
 */
final class CustomerMaster {
  static final String AUCHAN = "Auchan";
  static final String LEROY_MERLIN = "Leroy Merlin";
  static final String AUCHAN_FILE = "customers/auchan.csv";
  static final String LEROY_MERLIN_FILE = "customers/leroy-merlin.csv";
  static final String[] AUCHAN_COLUMNS = {
    "id_client",
    "civilite",
    "nom",
    "prenom",
    "date_naissance",
    "email",
    "telephone",
    "adresse",
    "code_postal",
    "ville",
    "carte_fidelite"
  };
  static final String[] LEROY_MERLIN_COLUMNS = {
    "customer_id",
    "last_name",
    "first_name",
    "birth_date",
    "email",
    "mobile_phone",
    "street",
    "zip_code",
    "city",
    "loyalty_card"
  };
  private static final long LM_VIEW = 10;
  private static final long RECORD = 11;

  /** Loyalty cards of former customers (in leaks, not in the master) start above this. */
  private static final long FORMER = 50_000_000L;

  private static final DateTimeFormatter FR_DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

  private final long seed;
  private final Population population;
  private final Communes communes;
  private final NamePools names;
  private final int[] auchanRank;
  private final int[] leroyMerlinRank;
  private final int auchanCount;
  private final int leroyMerlinCount;

  CustomerMaster(long seed, Population population, Communes communes, NamePools names) {
    this.seed = seed;
    this.population = population;
    this.communes = communes;
    this.names = names;
    int n = population.size();
    auchanRank = new int[n];
    leroyMerlinRank = new int[n];
    Arrays.fill(auchanRank, -1);
    Arrays.fill(leroyMerlinRank, -1);
    int a = 0;
    int l = 0;
    for (int i = 0; i < n; i++) {
      if (population.isCustomerOf(i, Population.AUCHAN)) {
        auchanRank[i] = a++;
      }
      if (population.isCustomerOf(i, Population.LEROY_MERLIN)) {
        leroyMerlinRank[i] = l++;
      }
    }
    auchanCount = a;
    leroyMerlinCount = l;
  }

  int auchanCount() {
    return auchanCount;
  }

  int leroyMerlinCount() {
    return leroyMerlinCount;
  }

  String auchanCustomerId(int index) {
    return Identifiers.pad(Identifiers.permute(auchanRank[index], 10_000_000_000L, 0), 10);
  }

  String leroyMerlinCustomerId(int index) {
    return "LMC" + Identifiers.pad(Identifiers.permute(leroyMerlinRank[index], 100_000_000L, 1), 8);
  }

  /** The person's Auchan card: the master's one, or a former customer's card unknown to it. */
  String auchanLoyaltyId(int index) {
    int rank = auchanRank[index];
    return Identifiers.auchanLoyaltyId(rank >= 0 ? rank : FORMER + index);
  }

  String leroyMerlinLoyaltyId(int index) {
    int rank = leroyMerlinRank[index];
    return Identifiers.leroyMerlinLoyaltyId(rank >= 0 ? rank : FORMER + index);
  }

  /**
   * The person as Leroy Merlin knows them: for customers of both brands, a more recent record that
   * may differ from Auchan's by address, email or a typo in a name.
   */
  Person leroyMerlinView(Person p) {
    if (!(population.isCustomerOf(p.index(), Population.AUCHAN)
        && population.isCustomerOf(p.index(), Population.LEROY_MERLIN))) {
      return p;
    }
    SplittableRandom r = Seeds.stream(seed, LM_VIEW, p.index());
    boolean moved = r.nextDouble() < 0.35;
    boolean newEmail = r.nextDouble() < 0.30;
    double typo = r.nextDouble();
    Communes.Commune commune = communes.draw(r);
    String postcode = commune.postcodes().get(r.nextInt(commune.postcodes().size()));
    String street = (1 + r.nextInt(120)) + " " + names.street(r);
    String email = p.email();
    if (newEmail && email != null && !email.startsWith("contact@")) {
      String local = email.substring(0, email.indexOf('@'));
      String[] providers = {"gmail.com", "outlook.fr", "orange.fr", "free.fr", "laposte.net"};
      String provider = providers[r.nextInt(providers.length)];
      if (email.endsWith("@" + provider)) {
        provider = "yahoo.fr";
      }
      email = local + "." + (10 + r.nextInt(90)) + "@" + provider;
    }
    String first = typo < 0.08 ? Noise.typo(p.firstName(), r) : p.firstName();
    String last = typo >= 0.08 && typo < 0.15 ? Noise.typo(p.lastName(), r) : p.lastName();
    return new Person(
        p.index(),
        p.personId(),
        p.sex(),
        first,
        last,
        p.birthDate(),
        email,
        p.mobile(),
        p.landline(),
        moved ? street : p.street(),
        moved ? postcode : p.postcode(),
        moved ? commune.name() : p.city(),
        moved ? commune.inseeCode() : p.inseeCode(),
        p.nir(),
        p.iban(),
        p.cardNumber(),
        p.householdSize());
  }

  /** Writes both customer files, the customers' and persons' ground truth, in one pass. */
  void write(Path out, GroundTruth truth) throws IOException {
    Files.createDirectories(out.resolve("customers"));
    try (BufferedWriter auchan =
            Files.newBufferedWriter(out.resolve(AUCHAN_FILE), StandardCharsets.UTF_8);
        BufferedWriter lm =
            Files.newBufferedWriter(out.resolve(LEROY_MERLIN_FILE), StandardCharsets.UTF_8)) {
      auchan.write(String.join(",", AUCHAN_COLUMNS));
      auchan.write('\n');
      lm.write(String.join(";", LEROY_MERLIN_COLUMNS));
      lm.write('\n');
      for (int i = 0; i < population.size(); i++) {
        Person p = population.person(i);
        Person lmView = p;
        if (auchanRank[i] >= 0) {
          String id = auchanCustomerId(i);
          SplittableRandom r = Seeds.stream(seed, RECORD, i * 2L);
          auchan.write(
              CsvText.line(
                  new String[] {
                    id,
                    p.sex() == 'F' ? "Mme" : "M.",
                    p.lastName(),
                    p.firstName(),
                    p.birthDate().toString(),
                    maybe(p.email(), r, 0.03),
                    phone(p.phone(), r),
                    p.street(),
                    p.postcode(),
                    p.city(),
                    auchanLoyaltyId(i)
                  },
                  ',',
                  '"',
                  false));
          auchan.write('\n');
          truth.customer(AUCHAN, id, p.personId());
        }
        if (leroyMerlinRank[i] >= 0) {
          lmView = leroyMerlinView(p);
          String id = leroyMerlinCustomerId(i);
          SplittableRandom r = Seeds.stream(seed, RECORD, i * 2L + 1);
          String phone = phone(lmView.phone(), r);
          lm.write(
              CsvText.line(
                  new String[] {
                    id,
                    lmView.lastName(),
                    lmView.firstName(),
                    lmView.birthDate().format(FR_DATE),
                    maybe(lmView.email(), r, 0.03),
                    phone == null || phone.startsWith("00")
                        ? phone
                        : Noise.phone(phone, Noise.PhoneStyle.INTERNATIONAL),
                    lmView.street(),
                    lmView.postcode(),
                    lmView.city(),
                    leroyMerlinLoyaltyId(i)
                  },
                  ';',
                  '"',
                  false));
          lm.write('\n');
          truth.customer(LEROY_MERLIN, id, p.personId());
        }
        truth.person(
            p,
            lmView.email() != null && !lmView.email().equals(p.email()) ? lmView.email() : null,
            lmView.street().equals(p.street()) ? null : lmView.street());
      }
    }
  }

  private static String maybe(String value, SplittableRandom r, double missing) {
    return r.nextDouble() < missing ? null : value;
  }

  /** A few records miss the phone, a handful carry the 0000000000 placeholder. */
  private static String phone(String phone, SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.02) {
      return null;
    }
    if (u < 0.021) {
      return "0000000000";
    }
    return phone;
  }
}
