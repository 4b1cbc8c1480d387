package fr.breachimpact.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** A {@link JobConfig} with the folder its relative paths are resolved against. */
public record LoadedConfig(Path file, JobConfig config) {

  public static LoadedConfig load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new ConfigException(file + ": config file not found");
    }
    JobConfig config = Json.read(absolute, JobConfig.class);
    require(file, config.lakeDir(), "lake_dir");
    require(file, config.reportsDir(), "reports_dir");
    LoadedConfig loaded = new LoadedConfig(absolute, config);
    String reports = trimSlash(loaded.resolve(config.reportsDir()));
    String notifications = trimSlash(loaded.notificationRoot());
    // Per-person rows inside the reports folder would make it an aggregate zone no longer.
    if (notifications.equals(reports) || notifications.startsWith(reports + "/")) {
      throw ConfigException.at(file.toString(), "notification_dir", "must lie outside reports_dir");
    }
    return loaded;
  }

  private static void require(Path file, String value, String field) {
    if (value == null || value.isBlank()) {
      throw ConfigException.at(file.toString(), field, "required");
    }
  }

  public Path baseDir() {
    return file.getParent();
  }

  /** Resolves a path of the config: absolute stays, relative is taken from the config's folder. */
  public String resolve(String path) {
    if (path == null) {
      return null;
    }
    if (path.contains("://") || path.startsWith("file:")) {
      return path; // hdfs:, s3a:, file: URIs go to Hadoop as they are
    }
    return baseDir().resolve(path).normalize().toString();
  }

  public String lakeTable(String name) {
    return resolve(config.lakeDir()) + "/" + name;
  }

  public String reportPath(String name) {
    return resolve(config.reportsDir()) + "/" + name;
  }

  /**
   * The notification zone: {@code notification_dir}, or {@code notifications} beside the reports
   * folder when the config does not name one.
   */
  public String notificationRoot() {
    if (config.notificationDir() != null && !config.notificationDir().isBlank()) {
      return resolve(config.notificationDir());
    }
    org.apache.hadoop.fs.Path reports =
        new org.apache.hadoop.fs.Path(trimSlash(resolve(config.reportsDir())));
    org.apache.hadoop.fs.Path parent = reports.getParent();
    return parent == null
        ? "notifications"
        : new org.apache.hadoop.fs.Path(parent, "notifications").toString();
  }

  private static String trimSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
