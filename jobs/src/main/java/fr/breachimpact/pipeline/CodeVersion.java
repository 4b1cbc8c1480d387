package fr.breachimpact.pipeline;

import fr.breachimpact.ingest.FileHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.stream.Stream;

/**
 * The running code's identity, part of every stage's fingerprint: a new build (new blocking rules,
 * say) recomputes each stage once, instead of reusing outputs the old code wrote. It is a SHA-256
 * of the jar the jobs were loaded from, or of the class files of the folder (a Maven run).
 */
final class CodeVersion {
  private static String current;

  private CodeVersion() {}

  static synchronized String current() {
    if (current == null) {
      current = of(location());
    }
    return current;
  }

  private static Path location() {
    CodeSource source = CodeVersion.class.getProtectionDomain().getCodeSource();
    try {
      return source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** "unknown" when the code was not loaded from a local jar or folder. */
  static String of(Path code) {
    if (code == null || !Files.exists(code)) {
      return "unknown";
    }
    Fingerprint fp = Fingerprint.of("code");
    if (Files.isRegularFile(code)) {
      fp.add("jar", FileHashes.sha256(code));
    } else {
      try (Stream<Path> files = Files.walk(code)) {
        files
            .filter(p -> p.toString().endsWith(".class"))
            .sorted()
            .forEach(p -> fp.add(code.relativize(p).toString(), FileHashes.sha256(p)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the job's code at " + code, e);
      }
    }
    return fp.hex().substring(0, 16);
  }
}
