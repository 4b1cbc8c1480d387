package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * A small Fellegi-Sunter scorer with fixed, documented weights (log2 Bayes factors, see
 * docs/resolution.md): each field contributes the weight of its comparison level, a missing
 * value contributes 0, and the pair's match weight is the sum. The weights were chosen so that
 * names and postcode alone (a generic name without birth date) stay below the default threshold
 * of 18, and a shared key with disagreeing first name and birth date (a family phone) too.
 */
public final class CompactPairScorer implements PairScorer {
  private static final long serialVersionUID = 1L;

  /** Weights per comparison level. */
  public record Weights(
      double firstExact, double firstFuzzy, double firstDiffer,
      double lastExact, double lastFuzzy, double lastDiffer,
      double birthExact, double birthPartial, double birthDiffer,
      double postcodeExact, double departmentSame, double postcodeDiffer,
      double emailAgree, double emailDiffer,
      double phoneAgree, double phoneDiffer,
      double nirAgree, double nirDiffer,
      double fuzzyNameSimilarity)
      implements java.io.Serializable {

    public static Weights defaults() {
      return new Weights(
          6, 3, -6,
          7, 4, -5,
          9, 3, -7,
          4, 1, -1,
          12, -2,
          10, -2,
          16, -8,
          0.92);
    }
  }

  /** The comparable fields of one party. */
  public record Party(
      String first, String last, LocalDate birthDate, String email, String phone, String nir,
      String postcode, String department) {

    static Party of(Row row) {
      return new Party(
          row.getAs("first_name_key"),
          row.getAs("last_name_key"),
          date(row.getAs("birth_date_norm")),
          row.getAs("email_key"),
          row.getAs("phone_e164"),
          row.getAs("nir_norm"),
          row.getAs("postcode_norm"),
          row.getAs("department"));
    }

    private static LocalDate date(Object value) {
      if (value instanceof java.sql.Date d) {
        return d.toLocalDate();
      }
      return (LocalDate) value;
    }
  }

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private final Weights weights;

  public CompactPairScorer(Weights weights) {
    this.weights = weights;
  }

  public static CompactPairScorer withDefaults() {
    return new CompactPairScorer(Weights.defaults());
  }

  @Override
  public Dataset<Row> score(Dataset<Row> pairs) {
    Weights w = weights;
    UserDefinedFunction matchWeight =
        udf(
            (UDF2<Row, Row, Double>) (a, b) -> weight(w, Party.of(a), Party.of(b)),
            DataTypes.DoubleType);
    return pairs.withColumn("match_weight", matchWeight.apply(col("a"), col("b")));
  }

  /** The match weight of two parties: the sum of each field's level weight. */
  public static double weight(Weights w, Party a, Party b) {
    double total = 0;
    boolean swapped =
        a.first() != null && a.last() != null
            && a.first().equals(b.last()) && a.last().equals(b.first());
    if (swapped) {
      total += w.firstExact() + w.lastExact();
    } else {
      total += name(w.firstExact(), w.firstFuzzy(), w.firstDiffer(), w, a.first(), b.first());
      total += name(w.lastExact(), w.lastFuzzy(), w.lastDiffer(), w, a.last(), b.last());
    }
    total += birthDate(w, a.birthDate(), b.birthDate());
    total += postcode(w, a, b);
    total += key(w.emailAgree(), w.emailDiffer(), a.email(), b.email());
    total += key(w.phoneAgree(), w.phoneDiffer(), a.phone(), b.phone());
    total += key(w.nirAgree(), w.nirDiffer(), a.nir(), b.nir());
    return total;
  }

  private static double name(
      double exact, double fuzzy, double differ, Weights w, String a, String b) {
    if (a == null || b == null) {
      return 0;
    }
    if (a.equals(b)) {
      return exact;
    }
    if (JARO_WINKLER.apply(a, b) >= w.fuzzyNameSimilarity() || shareToken(a, b)) {
      return fuzzy;
    }
    return differ;
  }

  /** Compound names: "jean pierre" and "jean" share a token of at least three letters. */
  private static boolean shareToken(String a, String b) {
    String[] left = a.split("[ -]+");
    String[] right = b.split("[ -]+");
    if (left.length == 1 && right.length == 1) {
      return false;
    }
    return Arrays.stream(left)
        .filter(t -> t.length() >= 3)
        .anyMatch(t -> Arrays.asList(right).contains(t));
  }

  private static double birthDate(Weights w, LocalDate a, LocalDate b) {
    if (a == null || b == null) {
      return 0;
    }
    if (a.equals(b)) {
      return w.birthExact();
    }
    boolean transposed =
        a.getYear() == b.getYear()
            && a.getMonthValue() == b.getDayOfMonth()
            && a.getDayOfMonth() == b.getMonthValue();
    int same =
        (a.getYear() == b.getYear() ? 1 : 0)
            + (a.getMonthValue() == b.getMonthValue() ? 1 : 0)
            + (a.getDayOfMonth() == b.getDayOfMonth() ? 1 : 0);
    return transposed || same == 2 ? w.birthPartial() : w.birthDiffer();
  }

  private static double postcode(Weights w, Party a, Party b) {
    if (a.postcode() == null || b.postcode() == null) {
      return 0;
    }
    if (a.postcode().equals(b.postcode())) {
      return w.postcodeExact();
    }
    if (a.department() != null && Objects.equals(a.department(), b.department())) {
      return w.departmentSame();
    }
    return w.postcodeDiffer();
  }

  private static double key(double agree, double differ, String a, String b) {
    if (a == null || b == null) {
      return 0;
    }
    return a.equals(b) ? agree : differ;
  }
}
