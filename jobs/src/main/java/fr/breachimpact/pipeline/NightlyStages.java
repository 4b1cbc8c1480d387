package fr.breachimpact.pipeline;

import fr.breachimpact.config.CustomerSource;
import fr.breachimpact.config.JobConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.FileHashes;
import fr.breachimpact.ingest.InputFiles;
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
        // reports of the run date; report writes the date's reports: both run every night.
        new Nightly.Step(new Resolve(null, retrain), Nightly.json(c.resolve()), true),
        new Nightly.Step(new Report(), Nightly.json(c.report()), true));
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
