package fr.breachimpact.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.normalize.RawFrames;
import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.stage.Classify;
import fr.breachimpact.stage.Customers;
import fr.breachimpact.stage.StageContext;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job shell end to end on a tiny lake: Delta in, Delta out, rerun gives the same table. */
class ClassifyCommandTest {

  @Test
  void writesCleanTablesAndRerunsToTheSameResult(@TempDir Path dir) throws Exception {
    SparkSession spark = TestSpark.session();
    Path configFile = dir.resolve("config.json");
    Files.writeString(configFile, "{\"lake_dir\": \"lake\", \"reports_dir\": \"reports\"}");
    LoadedConfig config = LoadedConfig.load(configFile);

    RawFrames.leaked(
            List.of(
                Map.of(
                    "record_id",
                    "r1",
                    "incident_id",
                    "i1",
                    "email",
                    "a.b@gmail.com",
                    "phone",
                    "0612345678"),
                Map.of(
                    "record_id", "r2", "incident_id", "i1", "iban", "FR7630006000011234567890189")))
        .write()
        .format("delta")
        .save(config.lakeTable("leaked_records"));
    StructType customers =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("brand", DataTypes.StringType)
            .add("email", DataTypes.StringType);
    RawFrames.frame(
            customers,
            List.of(Map.of("customer_id", "c1", "brand", "auchan", "email", "A.B@gmail.com")))
        .write()
        .format("delta")
        .save(config.lakeTable("customers"));

    RecordNormalizer normalizer = new RecordNormalizer(LocalDate.of(2026, 11, 29));
    StageContext context = new StageContext(spark, config, LocalDate.of(2026, 11, 29));
    Classify.classify(context, normalizer);
    Customers.normalize(context, normalizer);
    Dataset<Row> clean =
        spark.read().format("delta").load(config.lakeTable("leaked_records_clean"));
    List<Row> first = clean.orderBy("record_id").collectAsList();
    assertEquals(2, first.size(), "leaked_records_clean rows");
    assertTrue(List.of(clean.columns()).contains("categories"), "categories column");
    Dataset<Row> customersClean =
        spark.read().format("delta").load(config.lakeTable("customers_clean"));
    assertEquals(1, customersClean.count(), "customers_clean rows");
    assertFalse(
        List.of(customersClean.columns()).contains("categories"), "customers are not classified");
    assertEquals("ab@gmail.com", customersClean.first().getAs("email_key"), "customer email key");

    Classify.classify(context, normalizer);
    List<Row> second =
        spark
            .read()
            .format("delta")
            .load(config.lakeTable("leaked_records_clean"))
            .orderBy("record_id")
            .collectAsList();
    assertEquals(first, second, "rerun gives the same table");
    assertTrue(
        DeltaTable.isDeltaTable(spark, config.lakeTable("leaked_records_clean")), "Delta table");
  }
}
