package fr.breachimpact.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.Frames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CategoryMaskTest {
  private static final CategoryMask TAXONOMY = CategoryMask.TAXONOMY;
  private static final StructType CODES =
      new StructType().add("codes", DataTypes.createArrayType(DataTypes.StringType));
  private static final StructType ONE_CODE = new StructType().add("code", DataTypes.StringType);

  private static long maskOfArray(String... codes) {
    Row row = RowFactory.create(codes == null ? null : Arrays.asList(codes));
    return TestSpark.session()
        .createDataFrame(List.of(row), CODES)
        .select(TAXONOMY.ofArray(col("codes")))
        .first()
        .getLong(0);
  }

  private static long maskOfCode(String code) {
    return TestSpark.session()
        .createDataFrame(List.of(RowFactory.create(code)), ONE_CODE)
        .select(TAXONOMY.ofCode(col("code")))
        .first()
        .getLong(0);
  }

  private static long bit(Category c) {
    return 1L << c.ordinal();
  }

  @Test
  void eachCategorySetsItsOwnBitOnceHoweverOftenItIsListed() {
    assertEquals(
        bit(Category.IDENTITY) | bit(Category.HEALTH), maskOfArray("HEALTH", "IDENTITY", "HEALTH"));
    assertEquals(bit(Category.OTHER_SENSITIVE), maskOfArray("OTHER_SENSITIVE"));
  }

  @Test
  void noCategoriesIsTheEmptyMask() {
    assertEquals(0L, maskOfArray());
    assertEquals(0L, maskOfArray((String[]) null));
    assertEquals(0L, maskOfCode(null));
  }

  @Test
  void aCodeOutsideTheTaxonomySetsTheUnknownBit() {
    long unknown = 1L << TAXONOMY.unknownBit();
    assertEquals(bit(Category.CONTACT) | unknown, maskOfArray("CONTACT", "contact"));
    assertEquals(unknown, maskOfCode("SHOE_SIZE"));
    assertEquals(bit(Category.FINANCIAL), maskOfCode("FINANCIAL"));
  }

  @Test
  void countsPerCodeAreUnrolledIntoOneRowPerCategory() {
    CategoryMask mask = CategoryMask.of(List.of("B", "A"));
    StructType masks = new StructType().add("g", DataTypes.StringType).add("m", DataTypes.LongType);
    Dataset<Row> rows =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    RowFactory.create("x", 0b01L),
                    RowFactory.create("x", 0b11L),
                    RowFactory.create("x", 0b100L),
                    RowFactory.create("y", 0L)),
                masks);

    String unknown = CategoryMask.countColumn(mask.unknownBit());
    Dataset<Row> out =
        mask.countsPer(rows.groupBy("g"), col("m"))
            .select(col("g"), col(unknown), mask.perCategory("n"))
            .select("g", unknown, "col.category", "col.n")
            .orderBy("g", "category");

    Frames.assertEqual(
        Frames.frame(
            "g STRING, `" + unknown + "` BIGINT, category STRING, n BIGINT",
            Frames.row("x", 1L, "A", 1L),
            Frames.row("x", 1L, "B", 2L),
            Frames.row("y", 0L, "A", 0L),
            Frames.row("y", 0L, "B", 0L)),
        out);
  }

  @Test
  void codesOfAMaskAreListedInBitOrderThroughTheGivenValue() {
    CategoryMask mask = CategoryMask.of(List.of("A", "B", "C"));
    StructType masks = new StructType().add("m", DataTypes.LongType);
    List<Row> rows =
        TestSpark.session()
            .createDataFrame(List.of(RowFactory.create(0b101L), RowFactory.create(0L)), masks)
            .select(
                mask.codesOf(col("m"), c -> lit(c)),
                mask.codesOf(col("m"), c -> lit(c.toLowerCase())))
            .collectAsList();

    assertEquals(List.of("A", "C"), rows.get(0).getList(0));
    assertEquals(List.of("a", "c"), rows.get(0).getList(1));
    assertEquals(List.of(), rows.get(1).getList(0));
  }

  @Test
  void codesMustBeDistinctAndFitInALong() {
    List<String> many =
        new ArrayList<>(
            IntStream.range(0, CategoryMask.MAX_CODES + 1).mapToObj(i -> "C" + i).toList());
    assertThrows(IllegalArgumentException.class, () -> CategoryMask.of(many));
    assertThrows(IllegalArgumentException.class, () -> CategoryMask.of(List.of("A", "A")));
    assertEquals(
        CategoryMask.MAX_CODES,
        CategoryMask.of(many.subList(0, CategoryMask.MAX_CODES)).unknownBit());
  }
}
