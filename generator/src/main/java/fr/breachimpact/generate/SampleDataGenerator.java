package fr.breachimpact.generate;

import fr.breachimpact.config.CustomerSource;
import fr.breachimpact.config.JobConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the demo's inputs under an output folder: the customer master, one folder per seed
 * incident with its manifest, the ground truth, and a job config that points at them. The same
 * seed, scale and noise settings give byte-identical files.
 */
public final class SampleDataGenerator {
  /** Persons at scale 1. */
  public static final int BASE_POPULATION = 20_000;

  /**
   * Phone numbers and ids are bijections of the person index over seven or eight digits with a
   * prefix that shifts every ten million persons: they stay unique up to about 90 million persons;
   * twenty million (scale 1000, about ten million leaked rows) is the bound kept.
   */
  public static final double MAX_SCALE = 1000;

  /**
   * The population alone may grow further (benchmarks with a large customer master): 80 million
   * persons.
   */
  public static final double MAX_POPULATION_SCALE = 4000;

  /** Two blocks of households: the smallest population that still has every kind of person. */
  private static final int MIN_PERSONS = 8;

  /** What was written, for the command's one-line summary (counts only, no personal data). */
  public record Summary(
      int persons,
      int auchanCustomers,
      int leroyMerlinCustomers,
      long leakedRows,
      long malformedRows,
      int incidents) {}

  private SampleDataGenerator() {}

  public static Summary generate(Path out, long seed, double scale) throws IOException {
    return generate(out, seed, scale, scale);
  }

  /** With the realistic noise of {@link NoiseSettings#REALISTIC}. */
  public static Summary generate(Path out, long seed, double scale, double populationScale)
      throws IOException {
    return generate(out, seed, scale, populationScale, NoiseSettings.REALISTIC);
  }

  /**
   * @param scale sizes the leaks (about 11,000 leaked rows per unit)
   * @param populationScale sizes the population the leaks and the customer master are drawn from
   *     (20,000 persons per unit, about 13,000 customers): above {@code scale}, a customer master
   *     larger than the leaks, as a benchmark wants it
   * @param noise how far the leaks drift from the customer master (docs/generator.md)
   */
  public static Summary generate(
      Path out, long seed, double scale, double populationScale, NoiseSettings noise)
      throws IOException {
    if (!(scale > 0) || scale > MAX_SCALE) {
      throw new IllegalArgumentException("--scale must be in (0, " + MAX_SCALE + "]");
    }
    if (!(populationScale >= scale) || populationScale > MAX_POPULATION_SCALE) {
      throw new IllegalArgumentException(
          "--population-scale must be in [scale, " + MAX_POPULATION_SCALE + "]");
    }
    int size = (int) Math.max(MIN_PERSONS, Math.round(BASE_POPULATION * populationScale));
    Files.createDirectories(out);
    for (String generated : List.of("incidents", "customers", "ground-truth")) {
      deleteTree(out.resolve(generated));
    }
    Communes communes = Communes.load();
    NamePools names = NamePools.build(seed);
    Population population = Population.build(seed, size, communes, names);
    CustomerMaster customers = new CustomerMaster(seed, population, communes, names);
    long leaked;
    long malformed;
    List<IncidentPlan> plans = IncidentCatalog.plans();
    try (GroundTruth truth = new GroundTruth(out.resolve("ground-truth"))) {
      customers.write(out, truth);
      PersonVariants variants = new PersonVariants(seed, communes, names);
      IncidentWriter incidents =
          new IncidentWriter(seed, scale, population, customers, truth, noise, variants);
      for (int i = 0; i < plans.size(); i++) {
        incidents.write(out.resolve("incidents"), plans.get(i), i);
      }
      leaked = truth.leakedRows();
      malformed = truth.malformedRows();
    }
    copyResource("ground-truth-README.md", out.resolve("ground-truth/README.md"));
    Files.write(out.resolve("config.json"), configBytes());
    return new Summary(
        size,
        customers.auchanCount(),
        customers.leroyMerlinCount(),
        leaked,
        malformed,
        plans.size());
  }

  /** The job config of the demo: paths relative to the output folder. */
  static JobConfig config() {
    Map<String, String> auchan = new LinkedHashMap<>();
    String[] auchanFields = {
      "customer_id",
      "gender",
      "last_name",
      "first_name",
      "birth_date",
      "email",
      "phone",
      "street",
      "postcode",
      "city",
      "loyalty_id"
    };
    for (int i = 0; i < auchanFields.length; i++) {
      auchan.put(CustomerMaster.AUCHAN_COLUMNS[i], auchanFields[i]);
    }
    Map<String, String> leroyMerlin = new LinkedHashMap<>();
    String[] lmFields = {
      "customer_id",
      "last_name",
      "first_name",
      "birth_date",
      "email",
      "phone",
      "street",
      "postcode",
      "city",
      "loyalty_id"
    };
    for (int i = 0; i < lmFields.length; i++) {
      leroyMerlin.put(CustomerMaster.LEROY_MERLIN_COLUMNS[i], lmFields[i]);
    }
    return JobConfig.of(
        "incidents",
        List.of(
            new CustomerSource(
                CustomerMaster.AUCHAN_FILE,
                "csv",
                ",",
                true,
                "UTF-8",
                CustomerMaster.AUCHAN,
                "Mulliez",
                auchan),
            new CustomerSource(
                CustomerMaster.LEROY_MERLIN_FILE,
                "csv",
                ";",
                true,
                "UTF-8",
                CustomerMaster.LEROY_MERLIN,
                "Mulliez",
                leroyMerlin)),
        "lake",
        "reports");
  }

  static byte[] configBytes() {
    return ManifestJson.bytes(config());
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = SampleDataGenerator.class.getResourceAsStream("/reference/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Removes a folder the generator owns, so that a smaller run leaves no stale file behind. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
