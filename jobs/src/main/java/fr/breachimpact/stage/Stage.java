package fr.breachimpact.stage;

import java.util.List;

/**
 * A stage of the pipeline: the lake tables it reads and writes (names of {@link
 * fr.breachimpact.spark.Tables}), and the job that writes them. The nightly run orders and
 * fingerprints the stages by what they declare here.
 */
public interface Stage {
  String name();

  /** The lake tables of other stages it reads, the one it reads most of first. */
  List<String> reads();

  /** The lake tables it writes, its main output first. */
  List<String> writes();

  void run(StageContext context);

  /** The table counted as the stage's rows in (run_summary): its main input, "" for none. */
  default String countedInput() {
    return reads().isEmpty() ? "" : reads().get(0);
  }

  /** The table counted as the stage's rows out (run_summary, run_log): "" for none. */
  default String countedOutput() {
    return writes().isEmpty() ? "" : writes().get(0);
  }
}
