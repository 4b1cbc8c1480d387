package fr.breachimpact.report;

import fr.breachimpact.classify.Category;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Small helpers over Spark's Java API used by the report builders. */
final class Frames {
  private Frames() {}

  static Seq<String> seq(String... names) {
    return JavaConverters.asScalaBufferConverter(Arrays.asList(names)).asScala().toSeq();
  }

  /** The column if the frame has it, else a typed null: inputs from other stages may lag. */
  static Column colOrNull(Dataset<Row> df, String name, String type) {
    return Arrays.asList(df.columns()).contains(name)
        ? functions.col(name)
        : functions.lit(null).cast(type);
  }

  /** ENISA level label of an SE column, same thresholds as {@link EnisaLevel#of(double)}. */
  static Column level(Column se) {
    return functions
        .when(se.geq(4), EnisaLevel.VERY_HIGH.label())
        .when(se.geq(3), EnisaLevel.HIGH.label())
        .when(se.geq(2), EnisaLevel.MEDIUM.label())
        .otherwise(EnisaLevel.LOW.label());
  }

  /** Category code to its ENISA base (unknown codes count as 1), as a Spark expression. */
  static Column categoryBase(Column code) {
    Column result = functions.lit(1);
    Column chain = null;
    for (Category c : Category.values()) {
      Column cond = functions.upper(code).equalTo(c.name());
      chain = chain == null ? functions.when(cond, c.enisaBase()) : chain.when(cond, c.enisaBase());
    }
    return chain == null ? result : chain.otherwise(1);
  }

  static Column clampDpc(Column dpc) {
    return functions.least(functions.lit(4), functions.greatest(functions.lit(1), dpc));
  }
}
