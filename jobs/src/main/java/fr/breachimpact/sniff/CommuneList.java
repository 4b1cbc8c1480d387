package fr.breachimpact.sniff;

import fr.breachimpact.normalize.TextFolding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Postcodes and folded commune names of the bundled reference file ({@code
 * reference/fr-communes.csv.gz}): a postcode column is recognised by codes La Poste really
 * allocated, not by five digits alone.
 */
public final class CommuneList {
  private static final String RESOURCE = "/reference/fr-communes.csv.gz";
  private static final CommuneList INSTANCE = load();

  private final Set<String> postcodes;
  private final Set<String> names;

  private CommuneList(Set<String> postcodes, Set<String> names) {
    this.postcodes = Set.copyOf(postcodes);
    this.names = Set.copyOf(names);
  }

  public static CommuneList get() {
    return INSTANCE;
  }

  public boolean isPostcode(String fiveDigits) {
    return postcodes.contains(fiveDigits);
  }

  public boolean isCommuneName(String raw) {
    String folded = TextFolding.fold(raw);
    return folded != null && names.contains(folded);
  }

  private static CommuneList load() {
    try (InputStream raw = CommuneList.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      Set<String> postcodes = new HashSet<>();
      Set<String> names = new HashSet<>();
      String line =
          in.readLine(); // header: insee_code,name,department,region,postcodes,population,zone
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length < 5) {
          continue;
        }
        String folded = TextFolding.fold(f[1]);
        if (folded != null) {
          names.add(folded);
        }
        for (String p : f[4].split("\\|")) {
          if (!p.isBlank()) {
            postcodes.add(p.strip());
          }
        }
      }
      return new CommuneList(postcodes, names);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
