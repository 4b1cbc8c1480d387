package fr.breachimpact.generate;

import fr.breachimpact.classify.Category;
import fr.breachimpact.generate.IncidentPlan.FilePlan;
import fr.breachimpact.generate.IncidentPlan.SampleRecipe;
import fr.breachimpact.generate.RowRenderer.Cell;
import fr.breachimpact.ingest.QuarantineReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Draws each incident's sample from the population and writes its manifest and files. */
final class IncidentWriter {
  private static final long SAMPLE = 20;
  private static final long ROWS = 21;
  private static final long BROKEN = 22;
  private static final long LAYOUT = 23;

  /** MédecinDirect's sequential account ids run up to this (between notified and claimed). */
  private static final int MEDECINDIRECT_ACCOUNTS = 318_000;

  private static final String[] MOTIFS = {
    "Renouvellement d'ordonnance",
    "Angine",
    "Cystite",
    "Certificat médical de sport",
    "Lombalgie aiguë",
    "Suivi diabète de type 2",
    "Conjonctivite",
    "Rhinopharyngite",
    "Douleurs abdominales",
    "Anxiété, troubles du sommeil",
    "Eczéma",
    "Renouvellement contraception",
    "Migraine",
    "Infection urinaire",
    "Hypertension artérielle, suivi du traitement",
    "Gastro-entérite",
    "Covid-19, test positif",
    "Otite",
    "Dépression, renouvellement du traitement",
    "Sinusite",
    "Arrêt de travail",
    "Asthme, renouvellement",
    "Allergie saisonnière"
  };
  private static final String[] MUTUELLES = {
    "MGEN", "Harmonie Mutuelle", "MAAF Santé", "AXA Santé", "Malakoff Humanis",
    "La Mutuelle Générale", "April", "Swiss Life", "Alan", "Complémentaire santé solidaire"
  };
  private static final String[] NOTES = {
    "Ordonnance envoyée à la pharmacie", "Patient rappelé pour résultats d'analyse",
    "Arrêt de travail de 3 jours prescrit", "Orientation vers un cardiologue",
    "Diagnostic à confirmer, bilan sanguin prescrit", "Traitement antibiotique 7 jours",
    "Consultation de suivi dans 15 jours", "Allergie à la pénicilline signalée"
  };
  private static final String[] COMMENTS = {
    "client fidèle",
    "Réclamation traitée",
    "NPAI",
    "carte perdue, remplacée",
    "client \"VIP\"",
    "Ne souhaite pas de SMS",
    "relance effectuée"
  };
  private static final String[] SPECIALTIES = {
    "Médecin généraliste", "Infirmier", "Masseur-kinésithérapeute", "Pédiatre", "Sage-femme",
    "Dermatologue", "Psychiatre", "Cardiologue", "Ophtalmologiste", "Chirurgien-dentiste",
    "Pharmacien", "Orthophoniste"
  };
  private static final String[] PURCHASES = {
    "Perceuse visseuse 18V",
    "Peinture blanche 10 L",
    "Tondeuse thermique",
    "Parquet chêne 20 m²",
    "Robinet mitigeur",
    "Terreau 50 L",
    "Ampoules LED x6",
    "Abri de jardin",
    "Carrelage 60x60",
    "Perforateur SDS+",
    "Lame de terrasse pin",
    "Radiateur électrique"
  };

  private final long seed;
  private final double scale;
  private final Population population;
  private final CustomerMaster customers;
  private final GroundTruth truth;
  private final NoiseSettings noise;
  private final PersonVariants variants;
  private final Map<String, BitSet> members = new HashMap<>();

  /** Persons whose other values are in the ground truth already. */
  private final BitSet variantsWritten = new BitSet();

  IncidentWriter(
      long seed,
      double scale,
      Population population,
      CustomerMaster customers,
      GroundTruth truth,
      NoiseSettings noise,
      PersonVariants variants) {
    this.seed = seed;
    this.scale = scale;
    this.population = population;
    this.customers = customers;
    this.truth = truth;
    this.noise = noise;
    this.variants = variants;
  }

  /**
   * How the incident's organisation recorded people: outside the group that owns the customer
   * master (no brand of it), it recorded them independently.
   */
  SourceView view(IncidentPlan plan, int ordinal) {
    boolean professionals =
        plan.files().stream()
            .flatMap(f -> f.columns().stream())
            .anyMatch(c -> c.field() == LeakField.PROFESSIONAL_ID);
    return new SourceView(
        seed, noise, variants, ordinal, plan.manifest().brands().isEmpty(), professionals);
  }

  /** Writes the incident's manifest and files; returns the number of persons sampled. */
  int write(Path incidentsDir, IncidentPlan plan, int ordinal) throws IOException {
    Path dir = incidentsDir.resolve(plan.id());
    Files.createDirectories(dir);
    Files.write(dir.resolve("manifest.json"), manifestBytes(plan));
    int[] sample = sample(plan.sample(), ordinal);
    BitSet in = new BitSet(population.size());
    for (int i : sample) {
      in.set(i);
    }
    members.put(plan.id(), in);
    Map<Integer, Long> accounts = new HashMap<>();
    if (plan.manifest().sequentialAccountIds()) {
      sample = withAccountIds(sample, accounts, ordinal);
    }
    RowRenderer.IncidentValues values = values(plan.id(), accounts);
    SourceView view = view(plan, ordinal);
    int start = 0;
    for (int f = 0; f < plan.files().size(); f++) {
      FilePlan file = plan.files().get(f);
      int end =
          f == plan.files().size() - 1
              ? sample.length
              : Math.min(sample.length, start + (int) Math.round(sample.length * file.share()));
      writeFile(
          dir, plan, file, Arrays.copyOfRange(sample, start, end), values, view, ordinal * 16L + f);
      start = end;
    }
    return sample.length;
  }

  static byte[] manifestBytes(IncidentPlan plan) {
    return ManifestJson.bytes(plan.manifest());
  }

  private void writeFile(
      Path dir,
      IncidentPlan plan,
      FilePlan file,
      int[] persons,
      RowRenderer.IncidentValues values,
      SourceView view,
      long fileKey)
      throws IOException {
    RowRenderer renderer = new RowRenderer(file.columns(), file.style(), values);
    SplittableRandom layout = Seeds.stream(seed, LAYOUT, fileKey);
    int rows = persons.length;
    QuarantineReason[] brokenAt = new QuarantineReason[rows + 1];
    int malformed = Math.max(file.malformed().size(), (int) Math.round(rows * 0.005));
    for (int k = 0; k < malformed && k < rows; k++) {
      int pos;
      do {
        pos = layout.nextInt(rows);
      } while (brokenAt[pos] != null);
      brokenAt[pos] = file.malformed().get(k % file.malformed().size());
    }
    int blankAt = file.blankLineAt() < 0 ? -1 : Math.min(file.blankLineAt(), rows / 2);
    boolean leroyMerlin = plan.id().equals(IncidentCatalog.LEROY_MERLIN_2025);
    try (LeakFile out =
        new LeakFile(
            dir,
            plan.id(),
            file.spec(),
            file.columns(),
            file.quoteAll(),
            file.repostPath() != null,
            truth)) {
      for (int j = 0; j < rows; j++) {
        Person master = population.person(persons[j]);
        Person p = leroyMerlin ? customers.leroyMerlinView(master) : master;
        SourceView.Recorded recorded = view.of(p, master);
        if (recorded.alternates() != null && !variantsWritten.get(p.index())) {
          variantsWritten.set(p.index());
          truth.variants(master, recorded.alternates());
        }
        if (brokenAt[j] != null) {
          LeakRow broken =
              renderer.render(recorded, Seeds.stream(seed, BROKEN, fileKey * 1_000_003L + j));
          out.malformed(broken, brokenAt[j], layout);
        }
        if (j == blankAt) {
          out.blankLine();
        }
        out.accepted(
            renderer.render(recorded, Seeds.stream(seed, ROWS, fileKey * 100_000_007L + j)));
        if (layout.nextDouble() < file.duplicateRate()) {
          out.duplicateOfRecent(layout);
        }
      }
      if (file.repostPath() != null) {
        out.close();
        Path copy = dir.resolve(file.repostPath());
        Files.createDirectories(copy.getParent());
        Files.copy(dir.resolve(file.spec().path()), copy, StandardCopyOption.REPLACE_EXISTING);
        out.replayAsCopy(file.repostPath());
      }
    }
  }

  /** The persons of the sample, in the order the leaked file lists them. */
  private int[] sample(SampleRecipe recipe, int ordinal) {
    SplittableRandom r = Seeds.stream(seed, SAMPLE, ordinal);
    int n = (int) Math.min(recipe.maxSize(), Math.max(1, Math.round(recipe.size() * scale)));
    int nCustomers = (int) Math.round(n * recipe.customerShare());
    IntPredicate age =
        i ->
            population.birthYear(i) >= recipe.minBirthYear()
                && population.birthYear(i) <= recipe.maxBirthYear();
    IntPredicate customer =
        recipe.brand() == 0
            ? population::isGroupCustomer
            : i -> population.isCustomerOf(i, recipe.brand());
    BitSet earlier = new BitSet();
    for (String id : recipe.earlier()) {
      earlier.or(members.get(id));
    }
    BitSet taken = new BitSet(population.size());
    int[] out = new int[n];
    int k = 0;
    int nEarlier = (int) Math.round(nCustomers * recipe.fromEarlier());
    k = draw(i -> earlier.get(i) && customer.test(i) && age.test(i), nEarlier, r, taken, out, k);
    k = draw(i -> customer.test(i) && age.test(i), nCustomers - k, r, taken, out, k);
    k = draw(i -> !population.isGroupCustomer(i) && age.test(i), n - k, r, taken, out, k);
    int[] sample = Arrays.copyOf(out, k);
    for (int i = sample.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = sample[i];
      sample[i] = sample[j];
      sample[j] = t;
    }
    return sample;
  }

  /** Draws up to {@code count} persons of the pool not taken yet, without replacement. */
  private int draw(
      IntPredicate pool, int count, SplittableRandom r, BitSet taken, int[] out, int k) {
    if (count <= 0) {
      return k;
    }
    int[] candidates =
        IntStream.range(0, population.size()).filter(i -> !taken.get(i) && pool.test(i)).toArray();
    int m = Math.min(count, candidates.length);
    for (int i = 0; i < m; i++) {
      int j = i + r.nextInt(candidates.length - i);
      int t = candidates[i];
      candidates[i] = candidates[j];
      candidates[j] = t;
      taken.set(candidates[i]);
      out[k++] = candidates[i];
    }
    return k;
  }

  /**
   * Gives each person a distinct sequential account id and sorts the sample by it, as a dump would
   * be.
   */
  private int[] withAccountIds(int[] sample, Map<Integer, Long> accounts, int ordinal) {
    SplittableRandom r = Seeds.stream(seed, SAMPLE, 1000 + ordinal);
    int max = Math.max(MEDECINDIRECT_ACCOUNTS, sample.length * 2);
    BitSet used = new BitSet(max + 1);
    long[] keyed = new long[sample.length];
    for (int i = 0; i < sample.length; i++) {
      int id;
      do {
        id = 1 + r.nextInt(max);
      } while (used.get(id));
      used.set(id);
      accounts.put(sample[i], (long) id);
      keyed[i] = ((long) id << 32) | sample[i];
    }
    Arrays.sort(keyed);
    int[] sorted = new int[sample.length];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = (int) keyed[i];
    }
    return sorted;
  }

  private RowRenderer.IncidentValues values(String incident, Map<Integer, Long> accounts) {
    boolean auchan = incident.startsWith("auchan");
    boolean medecinDirect = incident.equals(IncidentCatalog.MEDECINDIRECT);
    return (field, p, r) -> {
      switch (field) {
        case LOYALTY_ID:
          return Cell.of(
              auchan
                  ? customers.auchanLoyaltyId(p.index())
                  : customers.leroyMerlinLoyaltyId(p.index()));
        case LOYALTY_BALANCE:
          return Cell.of(r.nextInt(120) + "," + Identifiers.two(r.nextInt(100)));
        case COMMENT:
          return comment(p, r);
        case ACCOUNT_ID:
          return new Cell(String.valueOf(accounts.get(p.index())), null, null);
        case RECORD_DATE:
          return new Cell(
              LocalDate.of(2019, 1, 1).plusDays(r.nextInt(2520)).toString(), null, null);
        case HEALTH_INFO:
          return Cell.of(r.nextDouble() < 0.03 ? null : MOTIFS[r.nextInt(MOTIFS.length)]);
        case HEALTH_INSURANCE:
          return Cell.of(r.nextDouble() < 0.3 ? null : MUTUELLES[r.nextInt(MUTUELLES.length)]);
        case NOTES:
          return r.nextDouble() < 0.12
              ? new Cell(NOTES[r.nextInt(NOTES.length)], null, Category.HEALTH)
              : new Cell(null, null, null);
        case NIR:
          return medecinDirect && r.nextDouble() >= 0.4 ? Cell.of(null) : null;
        case FRANCE_TRAVAIL_ID:
          return Cell.of(Identifiers.franceTravailId(p.index()));
        case MISSION_LOCALE:
          return new Cell("Mission locale de " + p.city(), null, null);
        case PROFESSIONAL_ID:
          return Cell.of(Identifiers.rpps(p.index()));
        case SPECIALTY:
          return new Cell(SPECIALTIES[r.nextInt(SPECIALTIES.length)], null, null);
        case LAST_PURCHASE:
          return Cell.of(r.nextDouble() < 0.1 ? null : PURCHASES[r.nextInt(PURCHASES.length)]);
        default:
          return null;
      }
    };
  }

  /** Mostly empty; now and then an IBAN or a card number that only a content scan finds. */
  private static Cell comment(Person p, SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.015 && p.iban() != null) {
      String iban = r.nextBoolean() ? Noise.spacedIban(p.iban()) : p.iban();
      return new Cell("Remboursement par virement, IBAN " + iban, null, Category.FINANCIAL);
    }
    if (u < 0.02 && p.cardNumber() != null) {
      return new Cell("Payé avec la carte " + p.cardNumber(), null, Category.FINANCIAL);
    }
    if (u < 0.15) {
      return new Cell(COMMENTS[r.nextInt(COMMENTS.length)], null, null);
    }
    return new Cell(null, null, null);
  }
}
