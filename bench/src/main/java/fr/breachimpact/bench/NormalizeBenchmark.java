package fr.breachimpact.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.classify.Classifier;
import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.spark.SparkSessions;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times normalise and classify on N synthetic rows made from {@code spark.range} (no personal data:
 * numbered placeholders shaped like the real fields). Prints one line per measure: the generation
 * floor (building and scanning the rows), normalise alone, normalise and classify. Usage: {@code
 * NormalizeBenchmark [records] [--explain]} (default 1,000,000).
 */
public final class NormalizeBenchmark {
  private NormalizeBenchmark() {}

  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    SparkSession spark = SparkSessions.create("breach-impact normalize benchmark", Map.of());
    Dataset<Row> raw = synthetic(spark, n);
    RecordNormalizer normalizer = new RecordNormalizer(LocalDate.of(2026, 11, 29));
    if (args.length > 1 && "--explain".equals(args[1])) {
      raw.transform(normalizer::normalize)
          .transform(new Classifier()::classify)
          .explain("formatted");
      return;
    }
    time("floor", n, raw);
    time("normalize", n, raw.transform(normalizer::normalize));
    time(
        "normalize+classify",
        n,
        raw.transform(normalizer::normalize).transform(new Classifier()::classify));
  }

  static Dataset<Row> synthetic(SparkSession spark, long n) {
    org.apache.spark.sql.Column id = col("id");
    return spark
        .range(n)
        .select(
            format_string("r%016x", id).as("record_id"),
            lit("bench").as("incident_id"),
            when(pmod(id, lit(2)).equalTo(0), lit("Jean-Pierre"))
                .otherwise(lit("Hélène"))
                .as("first_name"),
            format_string("NOM%d", pmod(id, lit(5000))).as("last_name"),
            format_string(
                    "%02d/%02d/%d",
                    pmod(id, lit(28)).plus(1),
                    pmod(id, lit(12)).plus(1),
                    pmod(id, lit(80)).plus(1930))
                .as("birth_date"),
            when(pmod(id, lit(2)).equalTo(0), lit("M")).otherwise(lit("Mme")).as("gender"),
            concat(lit("Prenom."), format_string("nom%d", id), lit("+x@gmail.com")).as("email"),
            format_string(
                    "06 %02d %02d %02d %02d",
                    pmod(id, lit(90)).plus(10),
                    pmod(id, lit(100)),
                    pmod(id, lit(97)),
                    pmod(id, lit(89)))
                .as("phone"),
            format_string("%d rue de la Paix", pmod(id, lit(200)).plus(1)).as("street"),
            format_string("%d", pmod(id, lit(95000)).plus(1000)).as("postcode"),
            lit("ST ETIENNE").as("city"),
            format_string("ACH-%010d", id).as("loyalty_id"),
            when(pmod(id, lit(3)).equalTo(0), lit("FR7630006000011234567890189")).as("iban"),
            when(pmod(id, lit(3)).equalTo(1), lit("185037512345641")).as("nir"),
            when(pmod(id, lit(4)).equalTo(0), lit("5f4dcc3b5aa765d61d8327deb882cf99"))
                .as("password"),
            when(pmod(id, lit(10)).equalTo(0), lit("Consultation, ordonnance")).as("health_info"),
            map(
                    lit("commentaire"),
                    when(pmod(id, lit(7)).equalTo(0), lit("rappeler au 06 12 34 56 78"))
                        .otherwise(lit("RAS")))
                .as("extra"),
            map().cast("map<string,string>").as("extra_categories"));
  }

  private static void time(String stage, long n, Dataset<Row> frame) {
    long start = System.nanoTime();
    frame.write().format("noop").mode("overwrite").save();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "stage=%s records=%d seconds=%.1f rows_per_s=%.0f%n",
        stage,
        n,
        seconds,
        n / seconds);
  }
}
