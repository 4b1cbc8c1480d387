package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.CustomerSource;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.CanonicalField;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.spark.LakeTables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Loads the configured customer master extracts onto one frame with the canonical column names:
 * {@code customer_id, brand, group_name} and one string column per {@link CanonicalField} (null
 * when the source does not map it), so that every brand unions into the {@code customers} table.
 */
public final class CustomerMaster {
  public static final String CUSTOMER_ID = "customer_id";
  public static final String BRAND = "brand";
  public static final String GROUP_NAME = "group_name";

  /** Targets that one source column at most may fill. */
  private static final Set<String> SINGLE_SOURCE = Set.of(CUSTOMER_ID, BRAND, GROUP_NAME);

  private CustomerMaster() {}

  /** The canonical column names of the {@code customers} table, in order. */
  public static List<String> columns() {
    List<String> names = new ArrayList<>(List.of(CUSTOMER_ID, BRAND, GROUP_NAME));
    Arrays.stream(CanonicalField.values()).map(CanonicalField::columnName).forEach(names::add);
    return names;
  }

  /**
   * Checks the mapping of source {@code index} before anything is read: every target is a known
   * column, {@code customer_id} is mapped, and a brand comes from the mapping or the source.
   */
  public static void validate(String configFile, int index, CustomerSource source) {
    String at = "customers[" + index + "]";
    if (source.path() == null || source.path().isBlank()) {
      throw ConfigException.at(configFile, at + ".path", "required");
    }
    if (!Set.of("csv", "parquet", "delta").contains(source.format())) {
      throw ConfigException.at(
          configFile, at + ".format", "unknown format '" + source.format() + "'");
    }
    Set<String> known = new HashSet<>(columns());
    Set<String> targets = new HashSet<>();
    for (Map.Entry<String, String> e : source.mapping().entrySet()) {
      if (!known.contains(e.getValue())) {
        throw ConfigException.at(
            configFile,
            at + ".mapping." + e.getKey(),
            "unknown target column '" + e.getValue() + "'");
      }
      // Several columns may fill one field (house number and street line); the ids may not.
      if (!targets.add(e.getValue()) && SINGLE_SOURCE.contains(e.getValue())) {
        throw ConfigException.at(
            configFile,
            at + ".mapping." + e.getKey(),
            "target '" + e.getValue() + "' mapped twice");
      }
    }
    if (!targets.contains(CUSTOMER_ID)) {
      throw ConfigException.at(configFile, at + ".mapping", "no column mapped onto customer_id");
    }
    if (!targets.contains(BRAND) && (source.brand() == null || source.brand().isBlank())) {
      throw ConfigException.at(configFile, at + ".brand", "required (or map a column onto brand)");
    }
  }

  /** Reads, checks and canonicalises every source of the config; IO of the customers job. */
  public static Dataset<Row> load(SparkSession spark, LoadedConfig config) {
    Dataset<Row> all = null;
    for (Dataset<Row> one : loadSources(spark, config)) {
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }

  /**
   * Every source of the config read, checked and canonicalised, in config order (one frame per
   * {@code customers[i]}, so that each extract's rows can be counted on their own).
   */
  public static List<Dataset<Row>> loadSources(SparkSession spark, LoadedConfig config) {
    String file = config.file().toString();
    List<CustomerSource> sources = config.config().customers();
    if (sources.isEmpty()) {
      throw ConfigException.at(file, "customers", "no customer source configured");
    }
    for (int i = 0; i < sources.size(); i++) {
      validate(file, i, sources.get(i));
    }
    List<Dataset<Row>> frames = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      CustomerSource source = sources.get(i);
      String path = config.resolve(source.path());
      requireExists(spark, file, i, path);
      // A plain path is a local file, as for the incidents (InputFiles), whatever fs.defaultFS
      // says.
      Dataset<Row> raw = read(spark, source, InputFiles.path(path).toString());
      frames.add(canonicalise(raw, source, file, i));
    }
    return frames;
  }

  private static void requireExists(SparkSession spark, String file, int index, String path) {
    try {
      Path p = InputFiles.path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw ConfigException.at(file, "customers[" + index + "].path", "file not found: " + path);
      }
    } catch (IOException e) {
      throw new InputException(
          file
              + ": customers["
              + index
              + "].path: "
              + path
              + ": unreachable ("
              + InputFiles.oneLine(e)
              + ")",
          e);
    }
  }

  private static Dataset<Row> read(SparkSession spark, CustomerSource source, String path) {
    switch (source.format()) {
      case "csv":
        return spark
            .read()
            .option("header", source.header())
            .option("sep", "\\t".equals(source.delimiter()) ? "\t" : source.delimiter())
            .option("encoding", source.encoding())
            .option("inferSchema", false)
            .option("mode", "PERMISSIVE")
            .csv(path);
      case "parquet":
        return spark.read().parquet(path);
      default:
        return LakeTables.read(spark, path);
    }
  }

  /**
   * Renames mapped columns onto canonical names (trimmed strings, empty as null), fills brand and
   * group from the source when no column carries them, and adds every unmapped canonical column as
   * null. Pure: the frame in, the frame out.
   */
  public static Dataset<Row> canonicalise(
      Dataset<Row> raw, CustomerSource source, String configFile, int index) {
    Set<String> present = new LinkedHashSet<>(Arrays.asList(raw.columns()));
    source
        .mapping()
        .keySet()
        .forEach(
            src -> {
              if (!present.contains(src)) {
                throw ConfigException.at(
                    configFile,
                    "customers[" + index + "].mapping." + src,
                    "column not found in " + source.path());
              }
            });
    // target -> its source columns, in the file's column order.
    Map<String, List<String>> byTarget = new HashMap<>();
    for (String src : present) {
      String target = source.mapping().get(src);
      if (target != null) {
        byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(src);
      }
    }
    List<Column> out = new ArrayList<>();
    for (String name : columns()) {
      List<String> srcs = byTarget.get(name);
      Column value;
      if (srcs != null) {
        value = joined(srcs);
      } else if (BRAND.equals(name)) {
        value = lit(source.brand());
      } else if (GROUP_NAME.equals(name)) {
        value = lit(source.group()).cast(DataTypes.StringType);
      } else {
        value = lit(null).cast(DataTypes.StringType);
      }
      out.add(value.as(name));
    }
    return raw.select(out.toArray(new Column[0]));
  }

  /** The trimmed values of the columns joined by a space (blank ones skipped); null when none. */
  private static Column joined(List<String> sources) {
    Column[] parts =
        sources.stream()
            .map(src -> trim(col("`" + src + "`").cast(DataTypes.StringType)))
            .map(t -> when(t.notEqual(""), t))
            .toArray(Column[]::new);
    Column value = parts.length == 1 ? parts[0] : concat_ws(" ", parts);
    return when(value.notEqual(""), value).otherwise(lit(null).cast(DataTypes.StringType));
  }
}
