package fr.breachimpact.bench;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.bench.DeterministicBaseline.ResultRow;
import fr.breachimpact.classify.Category;
import fr.breachimpact.spark.TestSpark;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CategoryMaskTest {
  private static final StructType CODES =
      new StructType().add("codes", DataTypes.createArrayType(DataTypes.StringType));

  private static long mask(String... codes) {
    Row row = RowFactory.create(codes == null ? null : Arrays.asList(codes));
    return TestSpark.session().createDataFrame(List.of(row), CODES)
        .select(CategoryMask.of(col("codes"))).first().getLong(0);
  }

  private static long bit(Category c) {
    return 1L << c.ordinal();
  }

  @Test
  void eachCategorySetsItsOwnBitOnceHoweverOftenItIsListed() {
    assertEquals(bit(Category.IDENTITY) | bit(Category.HEALTH), mask("HEALTH", "IDENTITY", "HEALTH"));
    assertEquals(bit(Category.OTHER_SENSITIVE), mask("OTHER_SENSITIVE"));
  }

  @Test
  void noCategoriesIsTheEmptyMask() {
    assertEquals(0L, mask());
    assertEquals(0L, mask((String[]) null));
  }

  @Test
  void aCodeOutsideTheTaxonomySetsTheUnknownBit() {
    assertEquals(bit(Category.CONTACT) | 1L << CategoryMask.UNKNOWN_BIT, mask("CONTACT", "contact"));
  }

  @Test
  void resultRowsListTheCategoriesWithCustomersInTaxonomyOrder() {
    long[] counts = new long[CategoryMask.UNKNOWN_BIT + 1];
    counts[Category.HEALTH.ordinal()] = 2;
    counts[Category.CONTACT.ordinal()] = 5;

    assertEquals(List.of(new ResultRow("auchan-1", "CONTACT", 5), new ResultRow("auchan-1", "HEALTH", 2)),
        CategoryMask.resultRows("auchan-1", counts));
  }
}
