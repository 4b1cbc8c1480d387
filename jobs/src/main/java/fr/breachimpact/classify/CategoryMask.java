package fr.breachimpact.classify;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;

/**
 * A set of category codes as the bits of one long: bit i is {@code codes().get(i)}, and any other
 * code sets the unknown bit, the first after theirs. The categories of the rows of one person or
 * customer are then merged by a bitwise or ({@code bit_or}) and counted per bit ({@code count_if}),
 * where unrolling each row into one row per category and counting distinct values copies every row
 * once per category and sorts out the duplicates.
 */
public final class CategoryMask {
  /** Bits available to codes: one of the 63 bits of a non-negative long is the unknown bit. */
  public static final int MAX_CODES = 62;

  /** The taxonomy's codes ({@link Category}), bit = ordinal. */
  public static final CategoryMask TAXONOMY =
      of(Arrays.stream(Category.values()).map(Category::name).toList());

  private final List<String> codes;

  private CategoryMask(List<String> codes) {
    this.codes = codes;
  }

  /**
   * @param codes distinct, non-null, at most {@link #MAX_CODES}; code i gets bit i
   * @throws IllegalArgumentException otherwise, in one line
   */
  public static CategoryMask of(List<String> codes) {
    if (codes.size() > MAX_CODES) {
      throw new IllegalArgumentException(
          codes.size() + " category codes, at most " + MAX_CODES + " are counted at once");
    }
    if (codes.stream().anyMatch(Objects::isNull) || new HashSet<>(codes).size() != codes.size()) {
      throw new IllegalArgumentException("category codes must be distinct and not null");
    }
    return new CategoryMask(List.copyOf(codes));
  }

  public List<String> codes() {
    return codes;
  }

  public int unknownBit() {
    return codes.size();
  }

  /** The mask of an {@code array<string>} of codes; 0 for a null or empty array. */
  public Column ofArray(Column codeArray) {
    Column mask = lit(0L);
    for (int i = 0; i < codes.size(); i++) {
      mask =
          mask.bitwiseOR(when(array_contains(codeArray, codes.get(i)), lit(bit(i))).otherwise(0L));
    }
    Column known = array(codes.stream().map(c -> lit(c)).toArray(Column[]::new));
    return mask.bitwiseOR(
        when(size(array_except(codeArray, known)).gt(0), lit(bit(unknownBit()))).otherwise(0L));
  }

  /** The mask of one code: its bit, the unknown bit for another code, 0 for null. */
  public Column ofCode(Column code) {
    Column mask = null;
    for (int i = 0; i < codes.size(); i++) {
      Column is = code.equalTo(codes.get(i));
      mask = mask == null ? when(is, bit(i)) : mask.when(is, bit(i));
    }
    return when(code.isNull(), 0L)
        .otherwise(mask == null ? lit(bit(unknownBit())) : mask.otherwise(bit(unknownBit())));
  }

  /** True where {@code mask} has the bit of {@code code}, one of {@link #codes()}. */
  public Column contains(Column mask, String code) {
    int i = codes.indexOf(code);
    if (i < 0) {
      throw new IllegalArgumentException("not one of the mask's codes: " + code);
    }
    return mask.bitwiseAND(bit(i)).notEqual(0L);
  }

  /**
   * The {@code array<string>} of {@code value(code)} for each code of {@code mask}, in bit order;
   * empty for 0.
   */
  public Column codesOf(Column mask, Function<String, Column> value) {
    Column[] present =
        codes.stream().map(c -> when(contains(mask, c), value.apply(c))).toArray(Column[]::new);
    return present.length == 0
        ? array().cast("array<string>")
        : array_compact(array(present)).cast("array<string>");
  }

  /**
   * Name of the column {@link #countsPer} gives code i's count; i = {@link #unknownBit()} for the
   * unknown bit.
   */
  public static String countColumn(int i) {
    return "_mask_n" + i;
  }

  /**
   * Per group, the number of rows whose {@code mask} has each code's bit, then the unknown bit: the
   * grouping columns followed by {@link #countColumn}(0) to {@link #countColumn}({@link
   * #unknownBit()}), in that order.
   */
  public Dataset<Row> countsPer(RelationalGroupedDataset groups, Column mask) {
    Column[] counts =
        IntStream.rangeClosed(0, unknownBit())
            .mapToObj(i -> count_if(mask.bitwiseAND(bit(i)).notEqual(0L)).as(countColumn(i)))
            .toArray(Column[]::new);
    return groups.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length));
  }

  /**
   * Unrolls the code columns of {@link #countsPer} into rows: a generator of {@code (category,
   * <name>)}, one row per code (none without codes), for a {@code select}.
   */
  public Column perCategory(String name) {
    Column[] cells =
        IntStream.range(0, codes.size())
            .mapToObj(i -> struct(lit(codes.get(i)).as("category"), col(countColumn(i)).as(name)))
            .toArray(Column[]::new);
    return explode(
        cells.length == 0
            ? array().cast("array<struct<category:string," + name + ":bigint>>")
            : array(cells));
  }

  /** {@link #ofArray} in DuckDB SQL, over an SQL expression of type {@code VARCHAR[]}. */
  public String sqlOfArray(String codeArray) {
    StringBuilder mask = new StringBuilder("(CAST(0 AS BIGINT)");
    for (int i = 0; i < codes.size(); i++) {
      mask.append(" | CASE WHEN list_contains(")
          .append(codeArray)
          .append(", ")
          .append(sqlString(codes.get(i)))
          .append(") THEN ")
          .append(bit(i))
          .append(" ELSE 0 END");
    }
    String known = codes.stream().map(CategoryMask::sqlString).collect(Collectors.joining(", "));
    return mask.append(" | CASE WHEN len(list_filter(")
        .append(codeArray)
        .append(", x -> x NOT IN (")
        .append(known)
        .append("))) > 0 THEN ")
        .append(bit(unknownBit()))
        .append(" ELSE 0 END)")
        .toString();
  }

  /** The counts of {@link #countsPer} in DuckDB SQL: a select list, in the same order. */
  public String countsSql(String mask) {
    return IntStream.rangeClosed(0, unknownBit())
        .mapToObj(i -> "count_if((" + mask + " & " + bit(i) + ") <> 0)")
        .collect(Collectors.joining(", "));
  }

  private static String sqlString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static long bit(int i) {
    return 1L << i;
  }
}
