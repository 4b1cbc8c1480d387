package fr.breachimpact.stage;

import fr.breachimpact.config.LoadedConfig;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/** What a stage runs against: the session, the loaded config and the logical date of the run. */
public record StageContext(SparkSession spark, LoadedConfig config, LocalDate runDate) {
  /** The path of a lake table ({@link fr.breachimpact.spark.Tables}). */
  public String table(String name) {
    return config.lakeTable(name);
  }
}
