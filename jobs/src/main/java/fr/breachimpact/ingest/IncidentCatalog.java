package fr.breachimpact.ingest;

import fr.breachimpact.classify.HibpDataClasses;
import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.LoadedConfig;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Finds the incidents of a config and validates their manifests before anything is read or written:
 * every problem is a {@link ConfigException} naming the manifest and the field. The folders and
 * manifests are read through Hadoop's file systems ({@link InputFiles}), so {@code incidents_dir}
 * may be a local folder or an {@code hdfs:}/{@code s3a:} URI.
 */
public final class IncidentCatalog {
  private static final Set<String> FORMATS = Set.of("csv", "jsonl");
  private static final Set<String> COMPRESSIONS = Set.of("none", "gzip");
  private static final String MANIFEST = "manifest.json";

  private IncidentCatalog() {}

  /** The manifest.json files of the config's incidents, in folder order. */
  static List<Path> manifestFiles(LoadedConfig loaded, InputFiles files) {
    String dir = loaded.config().incidentsDir();
    if (dir == null) {
      throw ConfigException.at(loaded.file().toString(), "incidents_dir", "required");
    }
    Path root = InputFiles.path(loaded.resolve(dir));
    FileStatus status = files.status(root);
    if (status == null) {
      // An input that is not there (a mount that failed, a wrong URI): exit 3, as an unreachable
      // one.
      throw new InputException("incidents_dir " + InputFiles.shown(root) + ": no such folder");
    }
    if (!status.isDirectory()) {
      throw ConfigException.at(
          loaded.file().toString(), "incidents_dir", "not a folder: " + InputFiles.shown(root));
    }
    List<Path> manifests = new ArrayList<>();
    if (loaded.config().incidents().isEmpty()) {
      for (FileStatus child : files.list(root)) {
        Path m = new Path(child.getPath(), MANIFEST);
        if (child.isDirectory() && files.isFile(m)) {
          manifests.add(m);
        }
      }
    } else {
      for (int i = 0; i < loaded.config().incidents().size(); i++) {
        Path m = new Path(new Path(root, loaded.config().incidents().get(i)), MANIFEST);
        if (!files.isFile(m)) {
          throw ConfigException.at(
              loaded.file().toString(),
              "incidents[" + i + "]",
              "no manifest at " + InputFiles.shown(m));
        }
        manifests.add(m);
      }
    }
    return manifests;
  }

  /** The config's incidents, their manifests validated, read through the session's file systems. */
  public static List<Incident> load(LoadedConfig loaded) {
    return load(loaded, InputFiles.current());
  }

  public static List<Incident> load(LoadedConfig loaded, InputFiles files) {
    List<Incident> incidents = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path m : manifestFiles(loaded, files)) {
      String shown = InputFiles.shown(m);
      Incident incident =
          new Incident(
              shown,
              validate(files, m, Json.read(files.readAll(m), shown, IncidentManifest.class)));
      if (!ids.add(incident.id())) {
        throw ConfigException.at(
            shown, "incident_id", "duplicate incident id '" + incident.id() + "'");
      }
      incidents.add(incident);
    }
    return incidents;
  }

  /**
   * The manifests of the config's incidents by incident id, in id order, for the stages after
   * ingestion: parsed and bound (unknown keys are still errors) but their files not checked, since
   * the leaked files may be removed once ingested.
   */
  public static SortedMap<String, IncidentManifest> manifests(LoadedConfig loaded) {
    SortedMap<String, IncidentManifest> byId = new TreeMap<>();
    if (loaded.config().incidentsDir() == null) {
      return byId; // a lake without manifests: no incident metadata
    }
    InputFiles files = InputFiles.current();
    for (Path m : manifestFiles(loaded, files)) {
      IncidentManifest manifest =
          Json.read(files.readAll(m), InputFiles.shown(m), IncidentManifest.class);
      String id = manifest.incidentId() != null ? manifest.incidentId() : m.getParent().getName();
      byId.put(id, manifest);
    }
    return byId;
  }

  static IncidentManifest validate(InputFiles files, Path manifestFile, IncidentManifest m) {
    String file = InputFiles.shown(manifestFile);
    if (m.incidentId() == null || !m.incidentId().matches("[a-z0-9][a-z0-9._-]{0,99}")) {
      throw ConfigException.at(
          file, "incident_id", "required, lower-case letters, digits, '.', '_' or '-'");
    }
    if (m.files().isEmpty()) {
      throw ConfigException.at(file, "files", "at least one file is required");
    }
    if (m.dates() == null || m.dates().becameAware() == null) {
      throw ConfigException.at(
          file, "dates.became_aware", "required (the GDPR art. 33 clock starts there)");
    }
    for (int i = 0; i < m.files().size(); i++) {
      validateFile(files, manifestFile, "files[" + i + "]", m.files().get(i));
    }
    return m;
  }

  private static void validateFile(InputFiles files, Path manifestFile, String at, FileSpec f) {
    String file = InputFiles.shown(manifestFile);
    if (f.path() == null || f.path().isBlank()) {
      throw ConfigException.at(file, at + ".path", "required");
    }
    resolveInside(files, manifestFile, at, f.path());
    if (!FORMATS.contains(f.format())) {
      throw ConfigException.at(
          file, at + ".format", "unknown format '" + f.format() + "' (csv, jsonl)");
    }
    if (!COMPRESSIONS.contains(f.compression())) {
      throw ConfigException.at(
          file, at + ".compression", "unknown compression '" + f.compression() + "' (none, gzip)");
    }
    try {
      if (!Charset.isSupported(f.encoding())) {
        throw ConfigException.at(file, at + ".encoding", "unknown encoding '" + f.encoding() + "'");
      }
    } catch (IllegalCharsetNameException e) {
      throw ConfigException.at(file, at + ".encoding", "unknown encoding '" + f.encoding() + "'");
    }
    String d = f.delimiter();
    if (!(d.length() == 1 || d.equals("\\t") || d.equals("tab"))
        || d.equals("\"")
        || d.equals("\n")
        || d.equals("\r")) {
      throw ConfigException.at(file, at + ".delimiter", "one character expected, got '" + d + "'");
    }
    if (f.quote().length() > 1) {
      throw ConfigException.at(file, at + ".quote", "one character or empty expected");
    }
    if (f.isJsonLines() == false && !f.header() && f.columns().isEmpty()) {
      throw ConfigException.at(
          file, at + ".columns", "a file without header needs its column names");
    }
    f.mapping()
        .forEach(
            (source, target) -> {
              if (CanonicalField.fromColumnName(target).isEmpty()) {
                throw ConfigException.at(
                    file, at + ".mapping." + source, "unknown canonical field '" + target + "'");
              }
            });
    f.categories()
        .forEach(
            (source, category) -> {
              if (!isCategory(category)) {
                throw ConfigException.at(
                    file, at + ".categories." + source, "unknown category '" + category + "'");
              }
            });
    if (!f.header() && !f.isJsonLines()) {
      for (String source : f.mapping().keySet()) {
        if (!f.columns().contains(source)) {
          throw ConfigException.at(
              file, at + ".mapping." + source, "unknown column (not in columns)");
        }
      }
    }
  }

  /** A category code or a Have I Been Pwned data class: the classifier's own reading of it. */
  static boolean isCategory(String value) {
    return HibpDataClasses.resolve(value).isPresent();
  }

  /**
   * The file's path, which must lie inside the incident folder: no absolute paths, no {@code ..},
   * no symbolic link that leads out (checked on a local file system; HDFS has symbolic links off by
   * default and object stores have none).
   */
  public static Path resolveInside(
      InputFiles files, Path manifestFile, String at, String relative) {
    String file = InputFiles.shown(manifestFile);
    java.nio.file.Path rel = java.nio.file.Path.of(relative);
    if (rel.isAbsolute()
        || relative.startsWith("/")
        || relative.startsWith("\\")
        || relative.contains(":")) {
      throw ConfigException.at(file, at + ".path", "must be relative to the incident folder");
    }
    for (java.nio.file.Path part : rel) {
      if (part.toString().equals("..")) {
        throw ConfigException.at(file, at + ".path", "must not leave the incident folder ('..')");
      }
    }
    Path folder = manifestFile.getParent();
    Path target = new Path(folder, rel.normalize().toString());
    if (!files.isFile(target)) {
      throw ConfigException.at(file, at + ".path", "file not found: " + relative);
    }
    if (InputFiles.isLocal(target)) {
      try {
        if (!InputFiles.local(target)
            .toRealPath()
            .startsWith(InputFiles.local(folder).toRealPath())) {
          throw ConfigException.at(
              file, at + ".path", "a symbolic link leads out of the incident folder");
        }
      } catch (IOException e) {
        throw ConfigException.at(file, at + ".path", "unreadable: " + relative);
      }
    }
    return target;
  }

  /**
   * {@link #resolveInside(InputFiles, Path, String, String)} for a local manifest (sniff, tests).
   */
  public static java.nio.file.Path resolveInside(
      java.nio.file.Path manifestFile, String at, String relative) {
    Path manifest = InputFiles.path(manifestFile.toAbsolutePath().toString());
    return InputFiles.local(resolveInside(InputFiles.current(), manifest, at, relative));
  }
}
