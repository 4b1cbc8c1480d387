package fr.breachimpact.pipeline;

import fr.breachimpact.config.CustomerSource;
import fr.breachimpact.config.JobConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.FileHashes;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.report.PseudonymKey;
import fr.breachimpact.report.Pseudonymizer;
import fr.breachimpact.stage.Classify;
import fr.breachimpact.stage.Customers;
import fr.breachimpact.stage.Link;
import fr.breachimpact.stage.Report;
import fr.breachimpact.stage.Resolve;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;

/**
 * The stages the nightly run schedules after ingestion, in order, with what each one's output
 * depends on besides the tables it reads: its config section, the run date, files read directly.
 */
public final class NightlyStages {
  private NightlyStages() {}

  /**
   * @param files reads the customer extracts, whose content hashes the customers stage depends on
   */
  public static List<Nightly.Step> of(LoadedConfig config, boolean retrain, InputFiles files) {
    JobConfig c = config.config();
    return List.of(
        // Customers are normalised with the run month's reference date, as classify does.
        new Nightly.Step(
            new Customers(),
            Nightly.json(c.customers()),
            false,
            date -> date.withDayOfMonth(1).toString(),
            customerFiles(config, files)),
        new Nightly.Step(new Classify(), "", false, date -> date.withDayOfMonth(1).toString()),
        new Nightly.Step(new Link(false, null, retrain), Nightly.json(c.link()), false),
        // Resolve keeps person ids stable from one night to the next and writes the overlap
        // reports of the run date; report writes the date's reports: both write every night,
        // carrying their last run's outputs forward when nothing they read changed. Resolve's
        // overlap reports hide cells below report.min_cell_size; report's analyst reports keep
        // the config's incidents only and hold keyed pseudonyms: these are inputs too.
        new Nightly.Step(
            new Resolve(null, retrain),
            Nightly.json(c.resolve()) + "|min_cell_size=" + c.report().minCellSize(),
            true,
            date -> "",
            Map.of(),
            () -> Map.of("model", storedModel(config, files))),
        new Nightly.Step(
            new Report(),
            Nightly.json(c.report()) + "|incidents=" + Nightly.json(c.incidents()),
            true,
            date -> "",
            Map.of("pseudonym_key", keyVersion(config))));
  }

  /**
   * Content hash of resolve's stored deduplication model, "none" when there is none: a full run
   * scores with it, so its outputs depend on it.
   */
  static String storedModel(LoadedConfig config, InputFiles files) {
    Path model = InputFiles.path(Resolve.storedModelPath(config));
    return files.isFile(model) ? FileHashes.sha256(files, model) : "none";
  }

  /**
   * Which pseudonym key the reports are keyed with, without revealing it: a keyed digest of a fixed
   * text, so that a new key makes the reports recomputed rather than carried forward.
   */
  static String keyVersion(LoadedConfig config) {
    return new Pseudonymizer(PseudonymKey.load(config, System.getenv()))
        .pseudonym("fingerprint", "pseudonym-key-version");
  }

  /**
   * Content hashes of the customer extracts, by file: the source's path as configured, followed for
   * a folder by the file's path inside it. Read through Hadoop's file systems (InputFiles).
   */
  static Map<String, String> customerFiles(LoadedConfig config, InputFiles files) {
    Map<String, String> hashes = new TreeMap<>();
    for (CustomerSource source : config.config().customers()) {
      Path root = InputFiles.path(config.resolve(source.path()));
      String rootPath = root.toUri().getPath();
      for (Path f : files.filesUnder(root)) {
        String path = f.toUri().getPath();
        String name =
            path.equals(rootPath)
                ? source.path()
                : source.path() + "/" + path.substring(rootPath.length() + 1);
        hashes.put(name, FileHashes.sha256(files, f));
      }
    }
    return hashes;
  }
}
