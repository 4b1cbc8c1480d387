package fr.breachimpact.generate;

import fr.breachimpact.cli.ExitCode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the demo's sample data: customers, seed incidents, ground truth and a job config. */
@Command(
    name = "generate",
    header =
        "Generate synthetic sample data: a population, customers, incidents and their ground truth.",
    mixinStandardHelpOptions = true,
    description = {
      "Generate synthetic sample data (pure Java, no Spark): a French population, the Mulliez",
      "group's customer master, the seed incidents with their manifests, the ground truth",
      "and <out>/config.json. Same seed, scale and noise, byte-identical files."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/demo",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      paramLabel = "X",
      defaultValue = "1",
      description =
          "Size factor: 1 is about 20,000 persons and 11,000 leaked rows; 100 about a million leaked rows.")
  double scale;

  @Option(
      names = "--population-scale",
      paramLabel = "Y",
      description =
          "Size factor of the population alone (default: the --scale): customers grow with it, leaks do not. "
              + "1.7 times the scale gives about twice as many customers as leaked rows.")
  Double populationScale;

  @Option(
      names = "--difficulty",
      paramLabel = "LEVEL",
      defaultValue = "realistic",
      description =
          "Noise profile of the leaks (docs/generator.md): easy (every source copies the customer master), "
              + "realistic or hard (default: ${DEFAULT-VALUE}).")
  String difficulty;

  @Option(
      names = "--noise",
      paramLabel = "KEY=RATE",
      description =
          "Sets one rate of the profile, repeatable: other_email, other_phone, birth_name, nickname, title, "
              + "moved, birth_date_missing, birth_date_typo, stale_retail (docs/generator.md).")
  Map<String, Double> noiseRates = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (!(scale > 0) || scale > SampleDataGenerator.MAX_SCALE) {
      System.err.println(
          "error: --scale: must be positive and at most " + SampleDataGenerator.MAX_SCALE);
      return ExitCode.BAD_CONFIG;
    }
    double population = populationScale == null ? scale : populationScale;
    if (!(population >= scale) || population > SampleDataGenerator.MAX_POPULATION_SCALE) {
      System.err.println(
          "error: --population-scale: must be at least --scale and at most "
              + SampleDataGenerator.MAX_POPULATION_SCALE);
      return ExitCode.BAD_CONFIG;
    }
    NoiseSettings noise;
    try {
      noise = NoiseSettings.profile(difficulty).with(noiseRates);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return ExitCode.BAD_CONFIG;
    }
    long start = System.nanoTime();
    SampleDataGenerator.Summary s =
        SampleDataGenerator.generate(out, seed, scale, population, noise);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "generate out=%s seed=%d scale=%s population_scale=%s difficulty=%s persons=%d auchan_customers=%d leroy_merlin_customers=%d "
            + "incidents=%d leaked_rows=%d malformed_rows=%d seconds=%.1f%n",
        out,
        seed,
        scale,
        population,
        difficulty.toLowerCase(Locale.ROOT),
        s.persons(),
        s.auchanCustomers(),
        s.leroyMerlinCustomers(),
        s.incidents(),
        s.leakedRows(),
        s.malformedRows(),
        seconds);
    return ExitCode.OK;
  }
}
