package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.CustomerSource;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.spark.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerMasterTest {
  @TempDir Path dir;

  private static CustomerSource source(String path, String brand, Map<String, String> mapping) {
    return new CustomerSource(path, "csv", ";", true, "UTF-8", brand, "Mulliez", mapping);
  }

  @Test
  void anUnknownTargetColumnNamesTheConfigFileAndTheField() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                CustomerMaster.validate(
                    "conf/config.json",
                    1,
                    source("c.csv", "Auchan", Map.of("ID", "customer_id", "NOM", "surname"))));
    assertEquals(
        "conf/config.json: customers[1].mapping.NOM: unknown target column 'surname'",
        e.getMessage());
  }

  @Test
  void aMappingWithoutCustomerIdOrBrandIsRefused() {
    ConfigException noId =
        assertThrows(
            ConfigException.class,
            () ->
                CustomerMaster.validate(
                    "c.json", 0, source("c.csv", "Auchan", Map.of("NOM", "last_name"))));
    assertTrue(noId.getMessage().contains("customer_id"), noId.getMessage());
    ConfigException noBrand =
        assertThrows(
            ConfigException.class,
            () ->
                CustomerMaster.validate(
                    "c.json", 0, source("c.csv", null, Map.of("ID", "customer_id"))));
    assertTrue(noBrand.getMessage().startsWith("c.json: customers[0].brand"), noBrand.getMessage());
  }

  private LoadedConfig config(String customersJson) throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"lake_dir\": \"lake\", \"reports_dir\": \"reports\", \"customers\": ["
            + customersJson
            + "]}");
    return LoadedConfig.load(file);
  }

  @Test
  void aMissingCustomerFileIsAConfigError() throws IOException {
    LoadedConfig config =
        config(
            "{\"path\": \"missing.csv\", \"brand\": \"Auchan\", \"mapping\": {\"ID\": \"customer_id\"}}");
    ConfigException e =
        assertThrows(ConfigException.class, () -> CustomerMaster.load(TestSpark.session(), config));
    assertTrue(
        e.getMessage().contains("config.json: customers[0].path: file not found"), e.getMessage());
  }

  @Test
  void brandsAreRenamedOntoCanonicalColumnsAndUnioned() throws IOException {
    Files.writeString(
        dir.resolve("auchan.csv"),
        "ID;NOM;PRENOM;MAIL\nA1; Durand ;Anne;\nA2;Petit;Luc;luc@example.org\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("lm.csv"),
        "client,enseigne,nom\nL1,Leroy Merlin,Roux\n",
        StandardCharsets.UTF_8);
    LoadedConfig config =
        config(
            "{\"path\": \"auchan.csv\", \"delimiter\": \";\", \"brand\": \"Auchan\", \"group\": \"Mulliez\","
                + " \"mapping\": {\"ID\": \"customer_id\", \"NOM\": \"last_name\", \"PRENOM\": \"first_name\", \"MAIL\": \"email\"}},"
                + "{\"path\": \"lm.csv\", \"group\": \"Mulliez\","
                + " \"mapping\": {\"client\": \"customer_id\", \"enseigne\": \"brand\", \"nom\": \"last_name\"}}");
    List<Row> rows =
        CustomerMaster.load(TestSpark.session(), config).orderBy("customer_id").collectAsList();
    assertEquals(3, rows.size());
    Row a1 = rows.get(0);
    assertEquals("A1", a1.getAs("customer_id"));
    assertEquals("Auchan", a1.getAs("brand"));
    assertEquals("Mulliez", a1.getAs("group_name"));
    assertEquals("Durand", a1.getAs("last_name"));
    assertNull(a1.getAs("email"), "an empty field is null");
    assertNull(a1.getAs("phone"), "an unmapped canonical column is null");
    assertEquals("Leroy Merlin", rows.get(2).getAs("brand"));
    assertEquals(CustomerMaster.columns(), List.of(rows.get(0).schema().fieldNames()));
  }
}
