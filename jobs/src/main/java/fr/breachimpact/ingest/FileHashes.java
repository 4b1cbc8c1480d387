package fr.breachimpact.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes of input files: reposted samples, incremental runs. */
public final class FileHashes {
  private FileHashes() {}

  /** SHA-256 of a local file's raw bytes, in hex. */
  public static String sha256(Path path) {
    try {
      return sha256(Files.newInputStream(path), path.toString());
    } catch (IOException e) {
      throw new InputException(path + ": unreadable (" + e.getMessage() + ")", e);
    }
  }

  /** SHA-256 of a file on any of Hadoop's file systems (file:, hdfs:, s3a:). */
  public static String sha256(InputFiles files, org.apache.hadoop.fs.Path path) {
    try {
      return sha256(files.open(path), InputFiles.shown(path));
    } catch (IOException e) {
      throw new InputException(
          InputFiles.shown(path) + ": unreadable (" + InputFiles.oneLine(e) + ")", e);
    }
  }

  /** Digests and closes the stream; {@code shown} names the file in the error line. */
  private static String sha256(InputStream raw, String shown) {
    try (DigestInputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // digesting
      }
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new InputException(shown + ": unreadable (" + e.getMessage() + ")", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
