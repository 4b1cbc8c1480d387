package fr.breachimpact.link;

import fr.breachimpact.link.CleanRows.Rec;
import fr.breachimpact.spark.TestSpark;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A seeded synthetic population already in normalised form, with the corruptions linkage must
 * survive: Zipf-distributed surnames (many Martins), typos, swapped names, transposed birth dates,
 * moves, new emails, missing contact data, households sharing a landline. Values are made up.
 */
final class SyntheticPopulation {
  static final String AUCHAN_LEAK = "auchan-2025-08";
  static final String FT_LEAK = "france-travail-2025-11";
  private static final String[] COMMON = {
    "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy",
        "moreau",
    "simon", "laurent", "lefebvre", "michel", "garcia", "david", "bertrand", "roux", "vincent",
        "fournier",
    "morel", "girard", "andre", "mercier", "dupont", "lambert", "bonnet", "francois", "martinez",
        "legrand"
  };
  private static final String[] FIRST = {
    "jean", "marie", "pierre", "anne", "michel", "sophie", "philippe", "isabelle", "alain",
        "nathalie",
    "nicolas", "catherine", "julien", "claire", "thomas", "camille", "lucas", "lea", "hugo",
        "chloe",
    "louis", "emma", "gabriel", "jade", "arthur", "louise", "paul", "alice", "jules", "manon",
    "antoine", "sarah", "maxime", "laura", "romain", "julie", "olivier", "celine", "eric",
        "sandrine"
  };
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ru", "ta", "vi", "zo", "ber", "dan", "gul", "mor", "pet", "sko", "wic",
    "yan"
  };
  private static final String[] PROVIDERS = {
    "gmail.com", "orange.fr", "free.fr", "sfr.fr", "laposte.net", "yahoo.fr"
  };

  final Dataset<Row> leaked;
  final Dataset<Row> customers;
  final Dataset<Row> recordTruth;
  final Dataset<Row> customerTruth;

  private record Person(
      String id,
      String first,
      String last,
      LocalDate birth,
      String postcode,
      String email,
      String phone) {}

  SyntheticPopulation(int persons, long seed) {
    Random rnd = new Random(seed);
    String[] surnames = surnames(rnd);
    double[] cumulative = zipf(surnames.length);
    String[] postcodes = new String[300];
    for (int i = 0; i < postcodes.length; i++) {
      postcodes[i] = String.format("%02d%03d", 1 + rnd.nextInt(95), rnd.nextInt(100) * 10);
    }
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < persons; i++) {
      Person previous = i > 0 ? people.get(i - 1) : null;
      boolean household = previous != null && rnd.nextDouble() < 0.05;
      String first = FIRST[rnd.nextInt(FIRST.length)];
      String last = household ? previous.last() : surnames[pick(cumulative, rnd)];
      LocalDate birth =
          LocalDate.of(1940 + rnd.nextInt(65), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
      String postcode = household ? previous.postcode() : postcodes[rnd.nextInt(postcodes.length)];
      String email =
          first + "." + last + (rnd.nextInt(100)) + "@" + PROVIDERS[rnd.nextInt(PROVIDERS.length)];
      String phone =
          household && previous.phone().startsWith("+331")
              ? previous.phone()
              : (rnd.nextDouble() < 0.2 ? "+331" : "+336")
                  + String.format("%08d", rnd.nextInt(100_000_000));
      people.add(new Person("p" + i, first, last, birth, postcode, email, phone));
    }
    CleanRows customerRows = CleanRows.customers();
    List<Row> customerTruthRows = new ArrayList<>();
    for (Person p : people) {
      for (String brand : List.of("Auchan", "Leroy Merlin")) {
        if (rnd.nextDouble() < ("Auchan".equals(brand) ? 0.5 : 0.3)) {
          String id = brand.substring(0, 1) + "-" + p.id().substring(1);
          Rec r = Rec.of(id, brand).name(p.first(), p.last()).born(p.birth().toString());
          String postcode =
              rnd.nextDouble() < 0.08 ? postcodes[rnd.nextInt(postcodes.length)] : p.postcode();
          r.lives(postcode, "c" + postcode);
          r.email(rnd.nextDouble() < 0.1 ? p.first() + p.id() + "@" + PROVIDERS[0] : p.email());
          r.phone(rnd.nextDouble() < 0.2 ? null : p.phone());
          r.loyalty(brand.substring(0, 2).toUpperCase() + p.id().substring(1));
          if (rnd.nextDouble() < 0.03) {
            r.name(p.first(), typo(p.last(), rnd));
          }
          customerRows.add(r);
          customerTruthRows.add(RowFactory.create(brand, id, p.id()));
        }
      }
    }
    CleanRows leakedRows = CleanRows.leaked();
    List<Row> recordTruthRows = new ArrayList<>();
    int n = 0;
    for (Person p : people) {
      for (String incident : List.of(AUCHAN_LEAK, FT_LEAK)) {
        if (rnd.nextDouble() >= 0.2) {
          continue;
        }
        String id = "r" + (n++);
        Rec r = Rec.of(id, incident);
        String first = rnd.nextDouble() < 0.05 ? typo(p.first(), rnd) : p.first();
        String last = rnd.nextDouble() < 0.05 ? typo(p.last(), rnd) : p.last();
        if (rnd.nextDouble() < 0.03) {
          r.name(last, first);
        } else {
          r.name(first, last);
        }
        LocalDate birth = p.birth();
        if (rnd.nextDouble() < 0.03 && birth.getDayOfMonth() <= 12) {
          birth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
        }
        r.born(rnd.nextDouble() < 0.1 ? null : birth.toString());
        String postcode =
            rnd.nextDouble() < 0.08 ? postcodes[rnd.nextInt(postcodes.length)] : p.postcode();
        r.lives(postcode, "c" + postcode);
        boolean noContact = FT_LEAK.equals(incident) && rnd.nextDouble() < 0.4;
        if (!noContact) {
          r.email(rnd.nextDouble() < 0.25 ? null : p.email());
          r.phone(rnd.nextDouble() < 0.25 ? null : p.phone());
        }
        if (AUCHAN_LEAK.equals(incident) && rnd.nextDouble() < 0.5) {
          r.loyalty("AU" + p.id().substring(1));
        }
        leakedRows.add(r);
        recordTruthRows.add(RowFactory.create(id, incident, p.id()));
      }
    }
    leaked = leakedRows.frame();
    customers = customerRows.frame();
    recordTruth =
        TestSpark.session()
            .createDataFrame(
                recordTruthRows,
                new StructType()
                    .add("record_id", DataTypes.StringType)
                    .add("incident_id", DataTypes.StringType)
                    .add("person_id", DataTypes.StringType));
    customerTruth =
        TestSpark.session()
            .createDataFrame(
                customerTruthRows,
                new StructType()
                    .add("brand", DataTypes.StringType)
                    .add("customer_id", DataTypes.StringType)
                    .add("person_id", DataTypes.StringType));
  }

  private static String[] surnames(Random rnd) {
    String[] out = new String[COMMON.length + 400];
    System.arraycopy(COMMON, 0, out, 0, COMMON.length);
    for (int i = COMMON.length; i < out.length; i++) {
      StringBuilder s = new StringBuilder();
      int parts = 2 + rnd.nextInt(2);
      for (int k = 0; k < parts; k++) {
        s.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
      }
      out[i] = s.toString();
    }
    return out;
  }

  /** Cumulative Zipf weights (exponent 1): the first surnames are by far the most frequent. */
  private static double[] zipf(int n) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / (i + 1);
      c[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= sum;
    }
    return c;
  }

  private static int pick(double[] cumulative, Random rnd) {
    double x = rnd.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (x <= cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** One substituted letter. */
  private static String typo(String s, Random rnd) {
    if (s.length() < 3) {
      return s;
    }
    int i = 1 + rnd.nextInt(s.length() - 1);
    char c = (char) ('a' + rnd.nextInt(26));
    return s.substring(0, i) + c + s.substring(i + 1);
  }
}
