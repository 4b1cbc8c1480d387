package fr.breachimpact.pipeline;

import fr.breachimpact.config.CustomerSource;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.ingest.InputFiles;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Before the nightly takes its lock or runs a stage: the incidents folder and every customer
 * extract can be reached and are there. A file system that does not answer or an input that is
 * missing stops the run with exit 3 and one line naming the config key and the location, with
 * nothing written (not even a run_log row).
 */
public final class InputCheck {
  private InputCheck() {}

  public static void require(LoadedConfig config, InputFiles files) {
    String incidents = config.config().incidentsDir();
    if (incidents != null) {
      FileStatus s = status(files, "incidents_dir", config.resolve(incidents));
      if (s == null) {
        throw new InputException("incidents_dir " + shown(config, incidents) + ": no such folder");
      }
    }
    List<CustomerSource> customers = config.config().customers();
    for (int i = 0; i < customers.size(); i++) {
      String key = "customers[" + i + "].path";
      String path = customers.get(i).path();
      if (path != null && !path.isBlank() && status(files, key, config.resolve(path)) == null) {
        throw new InputException(key + " " + shown(config, path) + ": no such file or folder");
      }
    }
  }

  private static FileStatus status(InputFiles files, String key, String location) {
    try {
      return files.status(InputFiles.path(location));
    } catch (InputException unreachable) {
      throw new InputException(key + " " + unreachable.getMessage(), unreachable);
    }
  }

  private static String shown(LoadedConfig config, String path) {
    Path p = InputFiles.path(config.resolve(path));
    return InputFiles.shown(p);
  }
}
