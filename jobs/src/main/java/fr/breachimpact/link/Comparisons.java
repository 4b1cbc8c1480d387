package fr.breachimpact.link;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The comparisons of the model and their levels. Every level is a built-in Spark expression
 * except Jaro-Winkler (commons-text, one UDF instance), which is only evaluated for pairs whose
 * values are present and not already equal.
 */
public final class Comparisons {
  public static final String JW_092 = "jaro_winkler_0.92";
  public static final String JW_080 = "jaro_winkler_0.80";
  public static final String JW_090 = "jaro_winkler_0.90";
  public static final String SWAPPED = "swapped_first_last";
  public static final String INITIAL = "initial";
  public static final String TRANSPOSED = "day_month_transposed";
  public static final String SAME_YEAR = "same_year";
  public static final String SAME_DEPARTMENT = "same_department";
  public static final String LOCAL_PART_SIMILAR = "local_part_similar";

  private Comparisons() {}

  /** Jaro-Winkler similarity; the similarity object is created once per JVM. */
  private static final class Jw {
    static final JaroWinklerSimilarity INSTANCE = new JaroWinklerSimilarity();
  }

  public static final UserDefinedFunction JARO_WINKLER =
      udf(
              (UDF2<String, String, Double>)
                  (a, b) -> a == null || b == null ? null : Jw.INSTANCE.apply(a, b),
              DataTypes.DoubleType)
          .withName("jaro_winkler");

  /** Null when either side is missing, so the UDF never sees a null. */
  static Column jaroWinkler(Column a, Column b) {
    return when(a.isNotNull().and(b.isNotNull()), JARO_WINKLER.apply(a, b));
  }

  /** The model's comparisons, in output order. */
  public static List<Comparison> all() {
    return List.of(
        name("first_name", "first_name_key", "last_name_key", "first_name_tf"),
        name("last_name", "last_name_key", "first_name_key", "last_name_tf"),
        birthDate(),
        postcode(),
        city(),
        email(),
        phone());
  }

  private static Column l(String c) {
    return col("l_" + c);
  }

  private static Column r(String c) {
    return col("r_" + c);
  }

  /**
   * exact, swapped with the other name field, Jaro-Winkler >= 0.92, >= 0.80, one side an initial
   * of the other, else.
   */
  static Comparison name(String field, String column, String otherColumn, String tf) {
    Column a = l(column);
    Column b = r(column);
    Column jw = jaroWinkler(a, b);
    Column initial =
        length(a).equalTo(1).or(length(b).equalTo(1)).and(substring(a, 1, 1).equalTo(substring(b, 1, 1)));
    Column level =
        when(a.isNull().or(b.isNull()), lit(Comparison.NULL))
            .when(a.equalTo(b), lit(Comparison.EXACT))
            .when(a.equalTo(r(otherColumn)).and(b.equalTo(l(otherColumn))), lit(SWAPPED))
            .when(initial, lit(INITIAL))
            .when(jw.geq(0.92), lit(JW_092))
            .when(jw.geq(0.80), lit(JW_080))
            .otherwise(lit(Comparison.ELSE));
    return new Comparison(
        field,
        List.of(Comparison.EXACT, SWAPPED, JW_092, JW_080, INITIAL, Comparison.ELSE),
        level,
        tf,
        "first_name".equals(field)
            ? List.of(
                Blocking.FIRST_NAME_BIRTH_DATE,
                Blocking.LAST_NAME_BIRTH_DATE,
                Blocking.SWAPPED_NAMES_BIRTH_DATE,
                Blocking.POSTCODE_LAST_NAME_SOUNDEX)
            : List.of(
                Blocking.LAST_NAME_BIRTH_DATE,
                Blocking.POSTCODE_LAST_NAME_SOUNDEX,
                Blocking.SWAPPED_NAMES_BIRTH_DATE));
  }

  /** exact, day and month transposed, same year, else. */
  static Comparison birthDate() {
    Column a = l("birth_date_norm");
    Column b = r("birth_date_norm");
    Column transposed =
        year(a).equalTo(year(b))
            .and(month(a).equalTo(dayofmonth(b)))
            .and(dayofmonth(a).equalTo(month(b)));
    Column level =
        when(a.isNull().or(b.isNull()), lit(Comparison.NULL))
            .when(a.equalTo(b), lit(Comparison.EXACT))
            .when(transposed, lit(TRANSPOSED))
            .when(year(a).equalTo(year(b)), lit(SAME_YEAR))
            .otherwise(lit(Comparison.ELSE));
    return new Comparison(
        "birth_date",
        List.of(Comparison.EXACT, TRANSPOSED, SAME_YEAR, Comparison.ELSE),
        level,
        null,
        List.of(
            Blocking.LAST_NAME_BIRTH_DATE,
            Blocking.FIRST_NAME_BIRTH_DATE,
            Blocking.SWAPPED_NAMES_BIRTH_DATE,
            Blocking.POSTCODE_BIRTH_DATE));
  }

  /** exact, same department, else. */
  static Comparison postcode() {
    Column a = l("postcode_norm");
    Column b = r("postcode_norm");
    Column level =
        when(a.isNull().or(b.isNull()), lit(Comparison.NULL))
            .when(a.equalTo(b), lit(Comparison.EXACT))
            .when(l("department").equalTo(r("department")), lit(SAME_DEPARTMENT))
            .otherwise(lit(Comparison.ELSE));
    return new Comparison(
        "postcode",
        List.of(Comparison.EXACT, SAME_DEPARTMENT, Comparison.ELSE),
        level,
        null,
        List.of(
            Blocking.POSTCODE_LAST_NAME_SOUNDEX,
            Blocking.POSTCODE_BIRTH_DATE,
            Blocking.FIRST_NAME_BIRTH_DATE,
            Blocking.EMAIL_LOCAL_PART));
  }

  /** exact, Jaro-Winkler >= 0.90, else; null when the postcodes are equal. */
  static Comparison city() {
    Column a = l("city_key");
    Column b = r("city_key");
    // Equal postcodes nearly always mean equal cities: counting both would count one fact twice.
    Column samePostcode = coalesce(l("postcode_norm").equalTo(r("postcode_norm")), lit(false));
    Column level =
        when(a.isNull().or(b.isNull()).or(samePostcode), lit(Comparison.NULL))
            .when(a.equalTo(b), lit(Comparison.EXACT))
            .when(jaroWinkler(a, b).geq(0.90), lit(JW_090))
            .otherwise(lit(Comparison.ELSE));
    // City follows postcode closely: learnt apart from the postcode rules as well.
    return new Comparison(
        "city",
        List.of(Comparison.EXACT, JW_090, Comparison.ELSE),
        level,
        null,
        List.of(
            Blocking.POSTCODE_LAST_NAME_SOUNDEX,
            Blocking.POSTCODE_BIRTH_DATE,
            Blocking.FIRST_NAME_BIRTH_DATE,
            Blocking.EMAIL_LOCAL_PART));
  }

  /** exact key, local part within two edits, else. */
  static Comparison email() {
    Column a = l("email");
    Column b = r("email");
    Column la = substring_index(a, "@", 1);
    Column lb = substring_index(b, "@", 1);
    Column similar =
        org.apache.spark.sql.functions.levenshtein(la, lb).leq(2).and(length(la).geq(4));
    Column level =
        when(a.isNull().or(b.isNull()), lit(Comparison.NULL))
            .when(a.equalTo(b), lit(Comparison.EXACT))
            .when(similar, lit(LOCAL_PART_SIMILAR))
            .otherwise(lit(Comparison.ELSE));
    return new Comparison(
        "email",
        List.of(Comparison.EXACT, LOCAL_PART_SIMILAR, Comparison.ELSE),
        level,
        null,
        List.of(Blocking.EMAIL, Blocking.EMAIL_LOCAL_PART));
  }

  /** exact E.164, else. */
  static Comparison phone() {
    Column a = l("phone");
    Column b = r("phone");
    Column level =
        when(a.isNull().or(b.isNull()), lit(Comparison.NULL))
            .when(a.equalTo(b), lit(Comparison.EXACT))
            .otherwise(lit(Comparison.ELSE));
    return new Comparison(
        "phone", List.of(Comparison.EXACT, Comparison.ELSE), level, null, List.of(Blocking.PHONE));
  }
}
