package fr.breachimpact.report;

import static fr.breachimpact.report.Identifier.BIRTH_DATE;
import static fr.breachimpact.report.Identifier.EMAIL;
import static fr.breachimpact.report.Identifier.FULL_NAME;
import static fr.breachimpact.report.Identifier.LAST_NAME;
import static fr.breachimpact.report.Identifier.NATIONAL_ID;
import static fr.breachimpact.report.Identifier.PHONE;
import static fr.breachimpact.report.Identifier.POSTAL_ADDRESS;
import static fr.breachimpact.report.Identifier.POSTCODE;
import static fr.breachimpact.report.Identifier.PROFESSIONAL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.spark.TestSpark;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdentificationEaseTest {

  static List<Arguments> table() {
    return List.of(
        Arguments.of(EnumSet.of(NATIONAL_ID), 1.0),
        Arguments.of(EnumSet.of(FULL_NAME, BIRTH_DATE), 1.0),
        Arguments.of(EnumSet.of(FULL_NAME, POSTAL_ADDRESS, POSTCODE), 1.0),
        Arguments.of(EnumSet.of(FULL_NAME, EMAIL), 1.0),
        Arguments.of(EnumSet.of(FULL_NAME, PHONE), 1.0),
        Arguments.of(EnumSet.of(PROFESSIONAL_ID), 1.0),
        Arguments.of(EnumSet.of(LAST_NAME, EMAIL), 0.75),
        Arguments.of(EnumSet.of(EMAIL), 0.75),
        Arguments.of(EnumSet.of(PHONE), 0.75),
        Arguments.of(EnumSet.of(FULL_NAME, POSTCODE), 0.75),
        Arguments.of(EnumSet.of(BIRTH_DATE, POSTAL_ADDRESS), 0.75),
        Arguments.of(EnumSet.of(FULL_NAME), 0.5),
        Arguments.of(EnumSet.of(POSTAL_ADDRESS), 0.5),
        Arguments.of(EnumSet.of(LAST_NAME, BIRTH_DATE), 0.5),
        Arguments.of(EnumSet.of(BIRTH_DATE, POSTCODE), 0.5),
        Arguments.of(EnumSet.of(LAST_NAME), 0.25),
        Arguments.of(EnumSet.of(BIRTH_DATE), 0.25),
        Arguments.of(EnumSet.of(POSTCODE), 0.25),
        Arguments.of(EnumSet.noneOf(Identifier.class), 0.25));
  }

  @ParameterizedTest
  @MethodSource("table")
  void eiFollowsTheDocumentedTable(Set<Identifier> present, double expected) {
    assertEquals(expected, IdentificationEase.evaluate(present).ei());
  }

  @Test
  void linkingRaisesEi() {
    // An email from one leak, a name and an address from another.
    assertEquals(0.75, IdentificationEase.evaluate(EnumSet.of(EMAIL)).ei());
    assertEquals(0.5, IdentificationEase.evaluate(EnumSet.of(FULL_NAME)).ei());
    assertEquals(
        1.0, IdentificationEase.evaluate(EnumSet.of(EMAIL, FULL_NAME, POSTAL_ADDRESS)).ei());
  }

  @Test
  void sparkExpressionAgreesWithJavaOnEveryCombination() {
    Identifier[] ids = Identifier.values();
    StructType schema = new StructType();
    for (Identifier id : ids) {
      schema = schema.add(id.flagColumn(), DataTypes.BooleanType, true);
    }
    schema = schema.add("expected", DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>();
    for (int mask = 0; mask < (1 << ids.length); mask++) {
      Object[] values = new Object[ids.length + 1];
      EnumSet<Identifier> present = EnumSet.noneOf(Identifier.class);
      for (int i = 0; i < ids.length; i++) {
        boolean on = (mask & (1 << i)) != 0;
        values[i] =
            on ? Boolean.TRUE : (i % 2 == 0 ? null : Boolean.FALSE); // null means absent too
        if (on) {
          present.add(ids[i]);
        }
      }
      values[ids.length] = IdentificationEase.evaluate(present).ei();
      rows.add(RowFactory.create(values));
    }
    Dataset<Row> df = TestSpark.session().createDataFrame(rows, schema);
    long disagreements =
        df.withColumn("ei", IdentificationEase.eiColumn()).where("ei <> expected").count();
    assertEquals(0, disagreements, "combinations where Spark and Java EI differ");
  }
}
