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
    return new LoadedConfig(absolute, config);
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
}
