package fr.breachimpact.ingest;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IngestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * Driver-side checks before any row is read or written: each file's content hash (for reposted
 * samples), and the header of each CSV file against its mapping, so that a manifest naming a column
 * the file lacks stops the job with exit 2 before any write.
 */
public final class IngestPlanner {
  private IngestPlanner() {}

  public static List<FileTask> plan(List<Incident> incidents, IngestConfig config) {
    return plan(incidents, config, Map.of());
  }

  /**
   * @param alreadyIngested content hash -> incident/file of files kept from an earlier run, so that
   *     an incremental run still recognises a repost of them
   */
  public static List<FileTask> plan(
      List<Incident> incidents, IngestConfig config, Map<String, String> alreadyIngested) {
    return plan(InputFiles.current(), incidents, config, alreadyIngested);
  }

  /** The plan with the files read through {@code files} (the session's Hadoop configuration). */
  public static List<FileTask> plan(
      InputFiles files,
      List<Incident> incidents,
      IngestConfig config,
      Map<String, String> alreadyIngested) {
    List<FileTask> tasks = new ArrayList<>();
    Map<String, String> firstByHash = new HashMap<>(alreadyIngested);
    for (Incident incident : incidents) {
      List<FileSpec> specs = incident.manifest().files();
      for (int i = 0; i < specs.size(); i++) {
        FileSpec spec = specs.get(i);
        String at = "files[" + i + "]";
        Path path = IncidentCatalog.resolveInside(files, incident.manifestPath(), at, spec.path());
        String sha = FileHashes.sha256(files, path);
        String source = incident.id() + "/" + spec.path();
        String duplicateOf = firstByHash.putIfAbsent(sha, source);
        List<String> header = header(files, incident, at, spec, path, config);
        tasks.add(
            new FileTask(
                incident.id(),
                spec.path(),
                path.toString(),
                sha,
                files.size(path),
                spec,
                header,
                duplicateOf));
      }
    }
    return tasks;
  }

  private static List<String> header(
      InputFiles files,
      Incident incident,
      String at,
      FileSpec spec,
      Path path,
      IngestConfig config) {
    if (spec.isJsonLines()) {
      return List.of();
    }
    if (!spec.header()) {
      return spec.columns();
    }
    String manifest = incident.manifestFile();
    String shown = InputFiles.shown(path);
    List<String> names;
    try (InputStream in = FileOpener.decompressed(files.open(path), shown, spec.isGzip())) {
      PhysicalLineReader lines = new PhysicalLineReader(in, config.maxLineChars());
      LineDecoder decoder = new LineDecoder(Charset.forName(spec.encoding()));
      names = null;
      boolean first = true;
      while (lines.hasNext()) {
        PhysicalLine line = lines.next();
        LineDecoder.Decoded decoded = decoder.decode(line.bytes(), first);
        first = false;
        if (decoded.text().isBlank()) {
          continue;
        }
        if (!decoded.valid() || line.tooLong()) {
          throw new InputException(
              shown
                  + ": header line "
                  + line.number()
                  + " is not valid "
                  + spec.encoding()
                  + " text");
        }
        names =
            new CsvLineSplitter(FileRowReader.delimiterChar(spec.delimiter()), spec.quote())
                .split(decoded.text());
        if (names == null) {
          throw new InputException(
              shown + ": header line " + line.number() + " has a quote that never closes");
        }
        break;
      }
    } catch (IOException e) {
      throw new InputException(shown + ": unreadable (" + e.getMessage() + ")", e);
    }
    if (names == null) {
      return List.of(); // an empty file: no rows, nothing to map
    }
    if (names.size() > config.maxFields()) {
      throw new InputException(
          shown
              + ": header has "
              + names.size()
              + " columns, more than ingest.max_fields="
              + config.maxFields());
    }
    List<String> unique = uniqueNames(names);
    for (String source : spec.mapping().keySet()) {
      if (!unique.contains(source)) {
        throw ConfigException.at(
            manifest,
            at + ".mapping." + source,
            "unknown column (not in the header of " + spec.path() + ")");
      }
    }
    return unique;
  }

  /** Header names as given, a repeated name suffixed {@code #2}, {@code #3}: no column is lost. */
  public static List<String> uniqueNames(List<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    for (String raw : names) {
      String name = raw.strip();
      String candidate = name;
      for (int k = 2; !seen.add(candidate); k++) {
        candidate = name + "#" + k;
      }
    }
    return List.copyOf(seen);
  }
}
