package fr.breachimpact.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;

/**
 * The French communes of the bundled reference file, drawn weighted by population so that generated
 * addresses have a postcode and a city that belong together.
 */
public final class Communes {
  private static final String RESOURCE = "/reference/fr-communes.csv.gz";

  /**
   * @param inseeCode five characters, {@code 2A004} in Corsica
   * @param department {@code 01}..{@code 95}, {@code 2A}, {@code 2B}, {@code 971}..{@code 976}
   */
  public record Commune(String inseeCode, String name, String department, List<String> postcodes) {}

  private final Commune[] communes;
  private final long[] cumulativePopulation;

  private Communes(Commune[] communes, long[] cumulativePopulation) {
    this.communes = communes;
    this.cumulativePopulation = cumulativePopulation;
  }

  /** Loads the bundled file once per call; callers keep the instance. */
  public static Communes load() {
    try (InputStream raw = Communes.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      List<Commune> list = new ArrayList<>();
      List<Long> populations = new ArrayList<>();
      String line = in.readLine(); // header
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length != 7 || "com".equals(f[6])) {
          continue; // overseas collectivities have no NIR department of the usual form
        }
        long population = Long.parseLong(f[5]);
        if (population <= 0) {
          continue;
        }
        list.add(new Commune(f[0], f[1], f[2], List.of(f[4].split("\\|"))));
        populations.add(population);
      }
      long[] cumulative = new long[populations.size()];
      long sum = 0;
      for (int i = 0; i < cumulative.length; i++) {
        sum += populations.get(i);
        cumulative[i] = sum;
      }
      return new Communes(list.toArray(new Commune[0]), cumulative);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public int size() {
    return communes.length;
  }

  /** A commune drawn with probability proportional to its population. */
  public Commune draw(RandomGenerator random) {
    long total = cumulativePopulation[cumulativePopulation.length - 1];
    long target = random.nextLong(total);
    int i = Arrays.binarySearch(cumulativePopulation, target + 1);
    if (i < 0) {
      i = -i - 1;
    }
    return communes[i];
  }
}
