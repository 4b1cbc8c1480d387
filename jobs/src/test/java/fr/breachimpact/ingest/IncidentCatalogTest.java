package fr.breachimpact.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.config.LoadedConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentCatalogTest {
  @TempDir Path dir;

  private LoadedConfig setUp(String fileEntry) throws IOException {
    Path incident = dir.resolve("incidents/acme-2025");
    Files.createDirectories(incident);
    Files.writeString(
        incident.resolve("clients.csv"), "nom;mail\nDupont;d@x.fr\n", StandardCharsets.UTF_8);
    Files.writeString(
        incident.resolve("manifest.json"),
        "{\"incident_id\":\"acme-2025\",\"organisation\":\"Acme\",\"dates\":{\"became_aware\":\"2025-11-28T10:00:00+01:00\"},"
            + "\"files\":["
            + fileEntry
            + "]}");
    Files.writeString(
        dir.resolve("config.json"),
        "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"}");
    return LoadedConfig.load(dir.resolve("config.json"));
  }

  private String error(String fileEntry) throws IOException {
    LoadedConfig config = setUp(fileEntry);
    return assertThrows(
            ConfigException.class,
            () -> IngestPlanner.plan(IncidentCatalog.load(config), IngestConfig.defaults()))
        .getMessage();
  }

  @Test
  void aValidManifestPlansItsFileWithHashAndHeader() throws IOException {
    LoadedConfig config =
        setUp(
            "{\"path\":\"clients.csv\",\"delimiter\":\";\",\"mapping\":{\"nom\":\"last_name\",\"mail\":\"email\"}}");
    List<FileTask> tasks =
        IngestPlanner.plan(IncidentCatalog.load(config), IngestConfig.defaults());
    assertEquals(1, tasks.size());
    assertEquals(List.of("nom", "mail"), tasks.get(0).header());
    assertEquals(64, tasks.get(0).sha256().length());
  }

  @Test
  void anUnknownCanonicalFieldNamesManifestFileAndField() throws IOException {
    String m =
        error("{\"path\":\"clients.csv\",\"delimiter\":\";\",\"mapping\":{\"nom\":\"surname\"}}");
    assertTrue(
        m.contains("manifest.json") && m.contains("files[0].mapping.nom") && m.contains("surname"),
        m);
  }

  @Test
  void aMappedColumnMissingFromTheHeaderIsAManifestError() throws IOException {
    String m =
        error(
            "{\"path\":\"clients.csv\",\"delimiter\":\";\",\"mapping\":{\"prenom\":\"first_name\"}}");
    assertTrue(m.contains("files[0].mapping.prenom") && m.contains("unknown column"), m);
  }

  @Test
  void aMissingFileIsAManifestError() throws IOException {
    String m = error("{\"path\":\"absent.csv\"}");
    assertTrue(m.contains("files[0].path") && m.contains("absent.csv"), m);
  }

  @Test
  void anUnknownEncodingIsAManifestError() throws IOException {
    String m = error("{\"path\":\"clients.csv\",\"encoding\":\"latin-42\"}");
    assertTrue(m.contains("files[0].encoding") && m.contains("latin-42"), m);
  }

  @Test
  void pathsCannotLeaveTheIncidentFolder() throws IOException {
    assertTrue(error("{\"path\":\"../../config.json\"}").contains("'..'"));
    assertTrue(error("{\"path\":\"/etc/passwd\"}").contains("relative"));
  }

  @Test
  void aSymbolicLinkOutOfTheIncidentFolderIsRefused() throws IOException {
    Files.writeString(dir.resolve("secret.csv"), "a\n1\n");
    setUp("{\"path\":\"clients.csv\"}");
    Files.createSymbolicLink(
        dir.resolve("incidents/acme-2025/link.csv"), dir.resolve("secret.csv"));
    assertTrue(error("{\"path\":\"link.csv\"}").contains("symbolic link"));
  }

  @Test
  void anUnknownManifestKeyIsNamed() throws IOException {
    String m = error("{\"path\":\"clients.csv\",\"separator\":\";\"}");
    assertTrue(m.contains("separator"), m);
  }

  @Test
  void aByteIdenticalSecondFileIsPlannedAsADuplicateOfTheFirst() throws IOException {
    LoadedConfig config =
        setUp(
            "{\"path\":\"clients.csv\",\"delimiter\":\";\"},{\"path\":\"again.csv\",\"delimiter\":\";\"}");
    Files.copy(
        dir.resolve("incidents/acme-2025/clients.csv"),
        dir.resolve("incidents/acme-2025/again.csv"));
    List<FileTask> tasks =
        IngestPlanner.plan(IncidentCatalog.load(config), IngestConfig.defaults());
    assertEquals("acme-2025/clients.csv", tasks.get(1).duplicateOf());
  }
}
