package fr.breachimpact.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Opens a leaked file through Hadoop's file systems (file:, hdfs:, s3a:), decompressed. */
public final class FileOpener {
  private FileOpener() {}

  public static InputStream openRaw(String location) throws IOException {
    Path path = new Path(location);
    return new BufferedInputStream(path.getFileSystem(new Configuration()).open(path), 1 << 16);
  }

  public static InputStream openDecompressed(String location, boolean gzip) throws IOException {
    InputStream raw = openRaw(location);
    if (!gzip) {
      return raw;
    }
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (IOException e) {
      raw.close();
      throw new InputException(location + ": not a gzip file (" + e.getMessage() + ")");
    }
  }
}
