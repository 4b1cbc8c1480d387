package fr.breachimpact.pipeline;

import fr.breachimpact.config.LoadedConfig;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/** A stage's job without its command line: what the nightly run calls. */
@FunctionalInterface
public interface StageRunner {
  void run(SparkSession spark, LoadedConfig config, LocalDate runDate);
}
