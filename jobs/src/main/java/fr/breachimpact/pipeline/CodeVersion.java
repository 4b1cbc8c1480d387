package fr.breachimpact.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (Files.isRegularFile(code)) {
        digest(sha, code);
      } else {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(code)) {
          classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path p : classes) {
          sha.update(code.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
          digest(sha, p);
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the job's code at " + code, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void digest(MessageDigest sha, Path file) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    }
  }
}
