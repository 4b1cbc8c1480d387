package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeVersionTest {
  @Test
  void aChangedClassFileChangesTheVersionAndNothingElseDoes(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fr/x"));
    Files.write(dir.resolve("fr/x/A.class"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("fr/x/B.class"), new byte[] {4, 5});
    String before = CodeVersion.of(dir);
    Files.writeString(dir.resolve("fr/x/notes.txt"), "not code");
    assertEquals(before, CodeVersion.of(dir));
    Files.write(dir.resolve("fr/x/B.class"), new byte[] {4, 6});
    assertNotEquals(before, CodeVersion.of(dir));
  }

  @Test
  void aJarIsHashedWholeAndMissingCodeIsUnknown(@TempDir Path dir) throws Exception {
    Path jar = Files.write(dir.resolve("jobs.jar"), new byte[] {9, 9, 9});
    String v = CodeVersion.of(jar);
    assertEquals(16, v.length());
    Files.write(jar, new byte[] {9, 9, 8});
    assertNotEquals(v, CodeVersion.of(jar));
    assertEquals("unknown", CodeVersion.of(dir.resolve("absent.jar")));
    assertEquals("unknown", CodeVersion.of(null));
  }
}
