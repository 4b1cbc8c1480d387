package fr.breachimpact.resolve;

import fr.breachimpact.config.LinkConfig;
import fr.breachimpact.config.ResolveConfig;
import fr.breachimpact.resolve.Fixtures.Ident;
import fr.breachimpact.spark.TestSpark;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a measurement on synthetic records (seeded), run on request only: {@code mvn -o test
 * -Dtest=fr.breachimpact.resolve.ResolveBench -Dresolve.bench.persons=5000}. Persons appear in one
 * to three of four incidents with typos, swapped names, missing fields, families sharing a phone
 * and a placeholder email; prints the stage figures and the dedup metrics against the generated
 * truth.
 */
@EnabledIfSystemProperty(named = "resolve.bench.persons", matches = "\\d+")
class ResolveBench {
  private static final String[] FIRSTS = {
    "marie",
    "jean",
    "pierre",
    "michel",
    "nathalie",
    "isabelle",
    "sophie",
    "nicolas",
    "julien",
    "camille",
    "lea",
    "hugo",
    "lucas",
    "emma",
    "chloe",
    "thomas",
    "antoine",
    "claire",
    "paul",
    "anne",
    "louis",
    "manon",
    "sarah",
    "david",
    "eric",
    "celine",
    "laura",
    "alain",
    "pascal",
    "sylvie"
  };
  private static final String[] LASTS = {
    "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy",
    "moreau", "simon", "laurent", "lefebvre", "michel", "garcia", "david", "bertrand", "roux",
    "vincent", "fournier", "morel", "girard", "andre", "mercier", "dupont", "lambert", "bonnet",
    "francois", "martinez", "legrand", "garnier", "faure", "rousseau", "blanc", "guerin"
  };

  @Test
  void measure() {
    int persons = Integer.parseInt(System.getProperty("resolve.bench.persons"));
    Random random = new Random(20261129L);
    List<Row> records = new ArrayList<>();
    List<Row> truth = new ArrayList<>();
    String sharedPhone = null;
    String sharedLast = null;
    for (int p = 0; p < persons; p++) {
      // Zipf-like surnames: Martin is frequent, linkage must cope with it.
      String last = LASTS[(int) Math.min(LASTS.length - 1, Math.abs(random.nextGaussian()) * 10)];
      String first = FIRSTS[random.nextInt(FIRSTS.length)];
      String dob = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(65 * 365)).toString();
      String email = first + "." + last + p + "@orange.fr";
      String phone = String.format("+336%08d", random.nextInt(100_000_000));
      if (sharedPhone != null && random.nextDouble() < 0.05) {
        phone = sharedPhone; // a family: same landline, same surname, another first name
        last = sharedLast;
      }
      sharedPhone = phone;
      sharedLast = last;
      String postcode = String.format("%02d%03d", 1 + random.nextInt(95), random.nextInt(5) * 10);
      int appearances = 1 + random.nextInt(3);
      for (int k = 0; k < appearances; k++) {
        Ident id = new Ident(first, last, dob, email, phone, postcode);
        if (random.nextDouble() < 0.3) id = id.withBirthDate(null);
        if (random.nextDouble() < 0.3) id = id.withEmail(null);
        if (random.nextDouble() < 0.3) id = id.withPhone(null);
        if (random.nextDouble() < 0.01) id = id.withEmail("contact@boutique.fr");
        if (random.nextDouble() < 0.1) id = id.withFirst(typo(first, random));
        if (random.nextDouble() < 0.05)
          id =
              new Ident(
                  id.last(), id.first(), id.birthDate(), id.email(), id.phone(), id.postcode());
        String recordId = String.format("r%08d-%d", p, k);
        records.add(id.record(recordId, "inc-" + (1 + (p + k) % 4)));
        truth.add(RowFactory.create(recordId, "t" + p));
      }
    }
    Dataset<Row> customers = Fixtures.customers(List.of());
    Dataset<Row> matches = Fixtures.matches(List.of());
    long start = System.nanoTime();
    Resolution.Output out =
        Resolution.run(
            new Resolution.Inputs(Fixtures.records(records), customers, matches, null, null, null),
            ResolveConfig.defaults(),
            Fixtures.DEDUPE,
            LinkConfig.defaults(),
            null,
            LocalDate.of(2026, 11, 29));
    Dataset<Row> recordPerson = out.recordPerson().localCheckpoint();
    double seconds = (System.nanoTime() - start) / 1e9;
    Resolution.Stats s = out.stats();
    System.out.printf(
        Locale.ROOT,
        "stage=resolve records=%d edges=%d rounds=%d seconds=%.1f candidate_pairs=%d hubs=%s%n",
        records.size(),
        s.edges(),
        s.rounds(),
        seconds,
        s.candidatePairs(),
        s.hubValues());
    StructType truthSchema =
        new StructType()
            .add("record_id", DataTypes.StringType)
            .add("true_person_id", DataTypes.StringType);
    DedupMetrics m =
        DedupEvaluation.evaluate(
            recordPerson, TestSpark.session().createDataFrame(truth, truthSchema));
    System.out.println(m.lines());
  }

  private static String typo(String name, Random random) {
    if (name.length() < 4) {
      return name;
    }
    int i = 1 + random.nextInt(name.length() - 2);
    char[] c = name.toCharArray();
    char t = c[i];
    c[i] = c[i + 1];
    c[i + 1] = t;
    return new String(c);
  }
}
