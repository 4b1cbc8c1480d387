package fr.breachimpact.ingest;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.LoadedConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the incidents of a config and validates their manifests before anything is read or
 * written: every problem is a {@link ConfigException} naming the manifest and the field.
 */
public final class IncidentCatalog {
  private static final Set<String> FORMATS = Set.of("csv", "jsonl");
  private static final Set<String> COMPRESSIONS = Set.of("none", "gzip");

  private IncidentCatalog() {}

  /** The manifest.json files of the config's incidents, in folder order. */
  static List<Path> manifestFiles(LoadedConfig loaded) {
    String dir = loaded.config().incidentsDir();
    if (dir == null) {
      throw ConfigException.at(loaded.file().toString(), "incidents_dir", "required");
    }
    Path root = Path.of(loaded.resolve(dir));
    if (!Files.isDirectory(root)) {
      throw ConfigException.at(loaded.file().toString(), "incidents_dir", "not a folder: " + root);
    }
    List<Path> manifests = new ArrayList<>();
    if (loaded.config().incidents().isEmpty()) {
      try (Stream<Path> children = Files.list(root)) {
        children.map(p -> p.resolve("manifest.json")).filter(Files::isRegularFile).sorted().forEach(manifests::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      for (int i = 0; i < loaded.config().incidents().size(); i++) {
        Path m = root.resolve(loaded.config().incidents().get(i)).resolve("manifest.json");
        if (!Files.isRegularFile(m)) {
          throw ConfigException.at(loaded.file().toString(), "incidents[" + i + "]", "no manifest at " + m);
        }
        manifests.add(m);
      }
    }
    return manifests;
  }

  public static List<Incident> load(LoadedConfig loaded) {
    List<Path> manifests = manifestFiles(loaded);
    List<Incident> incidents = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path m : manifests) {
      Incident incident = new Incident(m, validate(m, Json.read(m, IncidentManifest.class)));
      if (!ids.add(incident.id())) {
        throw ConfigException.at(m.toString(), "incident_id", "duplicate incident id '" + incident.id() + "'");
      }
      incidents.add(incident);
    }
    return incidents;
  }

  /**
   * The manifests of the config's incidents by incident id, in id order, for the stages after
   * ingestion: parsed and bound (unknown keys are still errors) but their files not checked,
   * since the leaked files may be removed once ingested.
   */
  public static java.util.SortedMap<String, IncidentManifest> manifests(LoadedConfig loaded) {
    java.util.SortedMap<String, IncidentManifest> byId = new java.util.TreeMap<>();
    if (loaded.config().incidentsDir() == null) {
      return byId; // a lake without manifests: no incident metadata
    }
    for (Path m : manifestFiles(loaded)) {
      IncidentManifest manifest = Json.read(m, IncidentManifest.class);
      String id = manifest.incidentId() != null ? manifest.incidentId() : m.getParent().getFileName().toString();
      byId.put(id, manifest);
    }
    return byId;
  }

  static IncidentManifest validate(Path manifestFile, IncidentManifest m) {
    String file = manifestFile.toString();
    if (m.incidentId() == null || !m.incidentId().matches("[a-z0-9][a-z0-9._-]{0,99}")) {
      throw ConfigException.at(file, "incident_id", "required, lower-case letters, digits, '.', '_' or '-'");
    }
    if (m.files().isEmpty()) {
      throw ConfigException.at(file, "files", "at least one file is required");
    }
    if (m.dates() == null || m.dates().becameAware() == null) {
      throw ConfigException.at(file, "dates.became_aware", "required (the GDPR art. 33 clock starts there)");
    }
    for (int i = 0; i < m.files().size(); i++) {
      validateFile(manifestFile, "files[" + i + "]", m.files().get(i));
    }
    return m;
  }

  private static void validateFile(Path manifestFile, String at, FileSpec f) {
    String file = manifestFile.toString();
    if (f.path() == null || f.path().isBlank()) {
      throw ConfigException.at(file, at + ".path", "required");
    }
    resolveInside(manifestFile, at, f.path());
    if (!FORMATS.contains(f.format())) {
      throw ConfigException.at(file, at + ".format", "unknown format '" + f.format() + "' (csv, jsonl)");
    }
    if (!COMPRESSIONS.contains(f.compression())) {
      throw ConfigException.at(file, at + ".compression", "unknown compression '" + f.compression() + "' (none, gzip)");
    }
    try {
      if (!Charset.isSupported(f.encoding())) {
        throw ConfigException.at(file, at + ".encoding", "unknown encoding '" + f.encoding() + "'");
      }
    } catch (IllegalCharsetNameException e) {
      throw ConfigException.at(file, at + ".encoding", "unknown encoding '" + f.encoding() + "'");
    }
    String d = f.delimiter();
    if (!(d.length() == 1 || d.equals("\\t") || d.equals("tab")) || d.equals("\"") || d.equals("\n") || d.equals("\r")) {
      throw ConfigException.at(file, at + ".delimiter", "one character expected, got '" + d + "'");
    }
    if (f.quote().length() > 1) {
      throw ConfigException.at(file, at + ".quote", "one character or empty expected");
    }
    if (f.isJsonLines() == false && !f.header() && f.columns().isEmpty()) {
      throw ConfigException.at(file, at + ".columns", "a file without header needs its column names");
    }
    f.mapping()
        .forEach(
            (source, target) -> {
              if (CanonicalField.fromColumnName(target).isEmpty()) {
                throw ConfigException.at(file, at + ".mapping." + source, "unknown canonical field '" + target + "'");
              }
            });
    f.categories()
        .forEach(
            (source, category) -> {
              if (!isCategory(category)) {
                throw ConfigException.at(file, at + ".categories." + source, "unknown category '" + category + "'");
              }
            });
    if (!f.header() && !f.isJsonLines()) {
      for (String source : f.mapping().keySet()) {
        if (!f.columns().contains(source)) {
          throw ConfigException.at(file, at + ".mapping." + source, "unknown column (not in columns)");
        }
      }
    }
  }

  /** A category code or a Have I Been Pwned data class: the classifier's own reading of it. */
  static boolean isCategory(String value) {
    return fr.breachimpact.classify.HibpDataClasses.resolve(value).isPresent();
  }


  /**
   * The file's real path, which must lie inside the incident folder: no absolute paths, no
   * {@code ..}, no symbolic link that leads out.
   */
  public static Path resolveInside(Path manifestFile, String at, String relative) {
    String file = manifestFile.toString();
    Path rel = Path.of(relative);
    if (rel.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\") || relative.contains(":")) {
      throw ConfigException.at(file, at + ".path", "must be relative to the incident folder");
    }
    for (Path part : rel) {
      if (part.toString().equals("..")) {
        throw ConfigException.at(file, at + ".path", "must not leave the incident folder ('..')");
      }
    }
    Path folder = manifestFile.toAbsolutePath().getParent();
    Path target = folder.resolve(rel).normalize();
    if (!Files.isRegularFile(target)) {
      throw ConfigException.at(file, at + ".path", "file not found: " + relative);
    }
    try {
      if (!target.toRealPath().startsWith(folder.toRealPath())) {
        throw ConfigException.at(file, at + ".path", "a symbolic link leads out of the incident folder");
      }
    } catch (IOException e) {
      throw ConfigException.at(file, at + ".path", "unreadable: " + relative);
    }
    return target;
  }
}
