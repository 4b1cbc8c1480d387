package fr.breachimpact.link;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.levenshtein;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.ModelSettings.ComparisonSettings;
import fr.breachimpact.config.ModelSettings.LevelSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns a comparison declared in the settings into its Spark expression: each level a condition
 * over the pair's {@code l_} and {@code r_} columns, tried strongest first; built-in functions
 * except Jaro-Winkler and the Damerau distance (one UDF instance each), evaluated only where both
 * values are present and not already equal. Settings that name an unknown kind, column or a missing
 * parameter fail with one line naming the key.
 */
public final class ComparisonLibrary {
  /** Every level kind, with the parameter it needs (null: none). */
  public static final List<String> KINDS =
      List.of(
          "exact",
          "jaro_winkler",
          "levenshtein",
          "damerau_levenshtein",
          "swapped",
          "initial",
          "date_transposed",
          "date_one_digit",
          "same_month_year",
          "within_years",
          "same",
          "prefix",
          "token_overlap",
          "array_intersect");

  private ComparisonLibrary() {}

  private static final class Jw {
    static final JaroWinklerSimilarity INSTANCE = new JaroWinklerSimilarity();
  }

  static final UserDefinedFunction JARO_WINKLER =
      udf(
              (UDF2<String, String, Double>)
                  (a, b) -> a == null || b == null ? null : Jw.INSTANCE.apply(a, b),
              DataTypes.DoubleType)
          .withName("jaro_winkler");

  static final UserDefinedFunction DAMERAU =
      udf(
              (UDF2<String, String, Integer>) EditDistance::optimalStringAlignment,
              DataTypes.IntegerType)
          .withName("damerau_levenshtein");

  /**
   * @param file the settings file, for error lines
   * @param at the settings path of this comparison ({@code link.model.comparisons[3]})
   */
  public static Comparison build(ComparisonSettings s, String file, String at) {
    if (s.name() == null || !s.name().matches("[a-z][a-z0-9_]*")) {
      throw ConfigException.at(file, at + ".name", "required: lower case letters, digits and _");
    }
    requireColumn(s.column(), file, at + ".column");
    if (s.levels().isEmpty()) {
      throw ConfigException.at(file, at + ".levels", "at least one level");
    }
    Set<String> columns = new LinkedHashSet<>(List.of(s.column()));
    Column a = l(s.column());
    Column b = r(s.column());
    Column missing = a.isNull().or(b.isNull());
    for (int i = 0; i < s.nullWhenEqual().size(); i++) {
      String c = s.nullWhenEqual().get(i);
      requireColumn(c, file, at + ".null_when_equal[" + i + "]");
      columns.add(c);
      missing = missing.or(coalesce(l(c).equalTo(r(c)), lit(false)));
    }
    for (int i = 0; i < s.nullWhenPresent().size(); i++) {
      String c = s.nullWhenPresent().get(i);
      requireColumn(c, file, at + ".null_when_present[" + i + "]");
      columns.add(c);
      missing = missing.or(l(c).isNotNull().and(r(c).isNotNull()));
    }
    Column level = when(missing, lit(Comparison.NULL));
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < s.levels().size(); i++) {
      String levelAt = at + ".levels[" + i + "]";
      LevelSettings ls = s.levels().get(i);
      String name = levelName(ls);
      if (!seen.add(name)) {
        throw ConfigException.at(file, levelAt, "level '" + name + "' given twice");
      }
      names.add(name);
      level = level.when(condition(s.column(), ls, file, levelAt, columns), lit(name));
    }
    names.add(Comparison.ELSE);
    String tf = s.termFrequency() ? s.column() + "_tf" : null;
    return new Comparison(s.name(), names, level.otherwise(lit(Comparison.ELSE)), tf, columns);
  }

  /** The level's name in {@code gamma_<field>}: its kind and parameters. */
  static String levelName(LevelSettings ls) {
    String kind = ls.kind() == null ? "" : ls.kind();
    StringBuilder name = new StringBuilder(kind);
    if (ls.threshold() != null) {
      name.append('_').append(String.format(Locale.ROOT, "%.2f", ls.threshold()));
    }
    if (ls.distance() != null) {
      name.append('_').append(ls.distance());
    }
    if (ls.years() != null) {
      name.append('_').append(ls.years());
    }
    if (ls.length() != null) {
      name.append('_').append(ls.length());
    }
    if (ls.with() != null && !"swapped".equals(kind)) {
      name.append('_').append(ls.with());
    }
    if (ls.column() != null) {
      name.append('_').append(ls.column());
    }
    return name.toString();
  }

  private static Column condition(
      String column, LevelSettings ls, String file, String at, Set<String> columns) {
    String c = column;
    if (ls.column() != null) {
      requireColumn(ls.column(), file, at + ".column");
      columns.add(ls.column());
      c = ls.column();
    }
    Column a = l(c);
    Column b = r(c);
    String kind = ls.kind();
    if (kind == null || !KINDS.contains(kind)) {
      throw ConfigException.at(
          file,
          at + ".kind",
          "unknown level kind '" + kind + "' (known: " + String.join(", ", KINDS) + ")");
    }
    // Where the level compares another column, that column may be absent while the field is not.
    Column present = a.isNotNull().and(b.isNotNull());
    Column cond =
        switch (kind) {
          case "exact" -> a.equalTo(b);
          case "jaro_winkler" -> {
            double t = need(ls.threshold(), file, at + ".threshold");
            yield a.notEqual(b).and(JARO_WINKLER.apply(a, b).geq(t)).or(a.equalTo(b));
          }
          case "levenshtein" -> levenshtein(a, b).leq(need(ls.distance(), file, at + ".distance"));
          case "damerau_levenshtein" ->
              DAMERAU.apply(a, b).leq(need(ls.distance(), file, at + ".distance"));
          case "swapped" -> {
            String with = need(ls.with(), file, at + ".with");
            requireColumn(with, file, at + ".with");
            columns.add(with);
            yield a.equalTo(r(with)).and(b.equalTo(l(with)));
          }
          case "initial" ->
              length(a)
                  .equalTo(1)
                  .or(length(b).equalTo(1))
                  .and(substring(a, 1, 1).equalTo(substring(b, 1, 1)));
          case "date_transposed" ->
              year(a)
                  .equalTo(year(b))
                  .and(month(a).equalTo(dayofmonth(b)))
                  .and(dayofmonth(a).equalTo(month(b)));
          case "date_one_digit" ->
              levenshtein(date_format(a, "yyyyMMdd"), date_format(b, "yyyyMMdd")).equalTo(1);
          case "same_month_year" -> year(a).equalTo(year(b)).and(month(a).equalTo(month(b)));
          case "within_years" ->
              abs(months_between(a, b)).leq(12.0 * need(ls.years(), file, at + ".years"));
          case "same" -> {
            String with = need(ls.with(), file, at + ".with");
            requireColumn(with, file, at + ".with");
            columns.add(with);
            yield l(with).equalTo(r(with));
          }
          case "prefix" -> {
            int n = need(ls.length(), file, at + ".length");
            yield substring(a, 1, n).equalTo(substring(b, 1, n)).and(length(a).geq(n));
          }
          case "token_overlap" -> {
            // Shared words over the words of the shorter value: "jean" in "jean pierre" is 1.
            Column ta = split(a, "[ -]+");
            Column tb = split(b, "[ -]+");
            double t = need(ls.threshold(), file, at + ".threshold");
            yield size(array_intersect(ta, tb)).divide(least(size(ta), size(tb))).geq(t);
          }
          default -> { // array_intersect: multi-valued fields written with separators
            Column ta = split(a, "[;,| ]+");
            Column tb = split(b, "[;,| ]+");
            yield size(array_intersect(ta, tb)).geq(need(ls.distance(), file, at + ".distance"));
          }
        };
    return present.and(cond);
  }

  private static <T> T need(T value, String file, String at) {
    if (value == null) {
      throw ConfigException.at(file, at, "required for this level kind");
    }
    return value;
  }

  private static void requireColumn(String column, String file, String at) {
    if (column == null || !ComparableColumns.NAMES.contains(column)) {
      throw ConfigException.at(
          file,
          at,
          "unknown comparable column '"
              + column
              + "' (known: "
              + String.join(", ", ComparableColumns.NAMES)
              + ")");
    }
  }

  static Column l(String c) {
    return col("l_" + c);
  }

  static Column r(String c) {
    return col("r_" + c);
  }
}
