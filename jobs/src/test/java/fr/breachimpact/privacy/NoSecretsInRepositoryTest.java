package fr.breachimpact.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keys come from the environment or from files named at run time, never from the repository: this
 * test fails on a private key, a cloud access key or a literal pseudonym key in any file of the
 * source tree, or a key-like value in a config under examples/.
 */
class NoSecretsInRepositoryTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<Pattern> SECRETS =
      List.of(
          Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
          Pattern.compile("AKIA[0-9A-Z]{16}"),
          // BREACH_IMPACT_PSEUDONYM_KEY=<literal>: a key written down instead of read at run time.
          Pattern.compile("PSEUDONYM_KEY\\s*[=:]\\s*[\"']?[A-Za-z0-9+/=_-]{12,}"),
          Pattern.compile(
              "\"(pseudonym_key|encryption_key|master_key|secret)\"\\s*:\\s*\"[^\"]+\""));

  private static List<Path> sourceFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                String rel = ROOT.relativize(p).toString();
                return !(rel.startsWith(".git/")
                    || rel.contains("/target/")
                    || rel.startsWith("target/")
                    || rel.startsWith("out/")
                    || rel.contains("node_modules/"));
              })
          .filter(
              p ->
                  p.toString()
                          .matches(
                              ".*\\.(java|sh|json|ya?ml|md|properties|sql|ipynb|xml|py|txt|cfg|conf)$")
                      || p.getFileName().toString().equals("run"))
          .toList();
    }
  }

  @Test
  void noKeyIsWrittenInTheSourceTree() throws IOException {
    List<String> hits = new ArrayList<>();
    for (Path file : sourceFiles()) {
      if (file.getFileName().toString().equals("NoSecretsInRepositoryTest.java")) {
        continue;
      }
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      for (Pattern p : SECRETS) {
        if (p.matcher(text).find()) {
          hits.add(ROOT.relativize(file) + " matches " + p.pattern());
        }
      }
    }
    assertTrue(sourceFiles().size() > 20, "the scan saw the source tree");
    assertEquals(List.of(), hits);
  }

  @Test
  void thePatternsCatchAKeyWrittenDown() {
    assertTrue(
        SECRETS
            .get(2)
            .matcher("export BREACH_IMPACT_PSEUDONYM_KEY=c2VjcmV0LWtleS0xMjM0NTY3OA==")
            .find());
    assertTrue(SECRETS.get(3).matcher("{\"pseudonym_key\": \"abc\"}").find());
    assertTrue(
        SECRETS.stream()
            .noneMatch(
                p ->
                    p.matcher(
                            "export BREACH_IMPACT_PSEUDONYM_KEY=\"$(head -c 32 /dev/urandom | base64)\"")
                        .find()));
    assertTrue(
        SECRETS.stream()
            .noneMatch(p -> p.matcher("\"pseudonym_key_file\": \"keys/pseudonym.key\"").find()));
  }
}
