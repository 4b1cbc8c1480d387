package fr.breachimpact.faults;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system under the scheme {@code fulldisk:}, where creating any file whose path
 * contains {@link #FULL_MARKER} fails as a full disk would. The tests run as root, where
 * permissions stop nothing, so the fault is made at the Hadoop file-system level that every Spark
 * write goes through.
 */
public final class FullDiskFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "fulldisk";
  public static final String FULL_MARKER = "2026-11-29";

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public Path getWorkingDirectory() {
    return new Path(SCHEME + ":" + System.getProperty("user.dir"));
  }

  @Override
  protected Path getInitialWorkingDirectory() {
    return getWorkingDirectory();
  }

  // Every create and append of RawLocalFileSystem ends in one of these two.
  @Override
  protected java.io.OutputStream createOutputStream(Path f, boolean append) throws IOException {
    fail(f);
    return super.createOutputStream(f, append);
  }

  @Override
  protected java.io.OutputStream createOutputStreamWithMode(
      Path f, boolean append, FsPermission permission) throws IOException {
    fail(f);
    return super.createOutputStreamWithMode(f, append, permission);
  }

  private static void fail(Path f) throws IOException {
    if (f.toString().contains(FULL_MARKER)) {
      throw new IOException("No space left on device");
    }
  }
}
