package fr.breachimpact.ingest;

import fr.breachimpact.config.FileSpec;
import java.util.List;

/**
 * HostileInputTest's files and their declared layout, for tests outside this package (sniff's
 * agreement table).
 */
public final class HostileCases {
  /** HostileInputTest's header of its CSV files. */
  public static final List<String> CSV_HEADER = List.of("nom", "prenom", "email");

  public record Case(String name, FileSpec declared, byte[] bytes, boolean gzip) {}

  private HostileCases() {}

  public static List<Case> all() {
    return HostileInputTest.cases()
        .map(a -> a.get())
        .map(o -> new Case((String) o[0], (FileSpec) o[1], (byte[]) o[2], (Boolean) o[3]))
        .toList();
  }
}
