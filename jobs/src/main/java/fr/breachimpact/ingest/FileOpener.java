package fr.breachimpact.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Opens a leaked file through Hadoop's file systems (file:, hdfs:, s3a:), decompressed. On an
 * executor the configuration is the driver session's, shipped with the job, so that a cluster's
 * spark.hadoop.* settings (credentials, name services) reach the reads of the inputs too.
 */
public final class FileOpener {
  private FileOpener() {}

  public static InputStream openDecompressed(String location, boolean gzip, Configuration conf)
      throws IOException {
    Path path = new Path(location);
    return decompressed(new InputFiles(conf).open(path), InputFiles.shown(path), gzip);
  }

  /**
   * The file's text bytes: gunzipped when the manifest says gzip; {@code shown} names it in errors.
   */
  public static InputStream decompressed(InputStream raw, String shown, boolean gzip)
      throws IOException {
    if (!gzip) {
      return raw;
    }
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (IOException e) {
      raw.close();
      throw new InputException(shown + ": not a gzip file (" + e.getMessage() + ")");
    }
  }
}
