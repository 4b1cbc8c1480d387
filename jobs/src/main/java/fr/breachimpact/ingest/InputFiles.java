package fr.breachimpact.ingest;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/**
 * The inputs (incident folders, manifests, leaked files, customer extracts) as Hadoop's file
 * systems see them, like the lake: {@code hdfs:}, {@code s3a:} and {@code file:} URIs. A plain path
 * is a local file, as it always was, even where the cluster's default file system is HDFS. A file
 * system that cannot be reached is an {@link InputException} (exit 3) naming the location.
 */
public final class InputFiles {
  private final Configuration conf;

  public InputFiles(Configuration conf) {
    this.conf = conf;
  }

  /**
   * The session's Hadoop configuration (spark.hadoop.* settings, HADOOP_CONF_DIR) when a session
   * exists, else Hadoop's defaults: enough for a plain path or a full URI.
   */
  public static InputFiles current() {
    return SparkSession.getActiveSession().isDefined()
        ? new InputFiles(SparkSession.getActiveSession().get().sparkContext().hadoopConfiguration())
        : SparkSession.getDefaultSession().isDefined()
            ? new InputFiles(
                SparkSession.getDefaultSession().get().sparkContext().hadoopConfiguration())
            : new InputFiles(new Configuration());
  }

  public Configuration conf() {
    return conf;
  }

  /** A location of the config or a manifest as a Hadoop path; a plain path is a local file. */
  public static Path path(String location) {
    if (location.contains("://") || location.startsWith("file:")) {
      return new Path(location);
    }
    return new Path(java.nio.file.Path.of(location).toAbsolutePath().toUri());
  }

  /** A path as error lines show it: a local file by its plain path (as before), others by URI. */
  public static String shown(Path path) {
    return isLocal(path) ? path.toUri().getPath() : path.toString();
  }

  public static boolean isLocal(Path path) {
    return "file".equals(path.toUri().getScheme());
  }

  /** The local file of a {@code file:} path (for what only the local file system can tell). */
  public static java.nio.file.Path local(Path path) {
    return java.nio.file.Path.of(path.toUri().getPath());
  }

  /** The file or folder's status, or null when there is none; unreachable: exit 3. */
  public FileStatus status(Path path) {
    try {
      return fileSystem(path).getFileStatus(path);
    } catch (FileNotFoundException missing) {
      return null;
    } catch (IOException e) {
      throw unreachable(path, e);
    }
  }

  public boolean isFile(Path path) {
    FileStatus s = status(path);
    return s != null && s.isFile();
  }

  public boolean isDirectory(Path path) {
    FileStatus s = status(path);
    return s != null && s.isDirectory();
  }

  /** The entries of a folder, in path order. */
  public List<FileStatus> list(Path folder) {
    try {
      FileStatus[] entries = fileSystem(folder).listStatus(folder);
      return Arrays.stream(entries).sorted(Comparator.comparing(FileStatus::getPath)).toList();
    } catch (IOException e) {
      throw unreachable(folder, e);
    }
  }

  /** The files of a file (itself) or folder (every file below it), in path order. */
  public List<Path> filesUnder(Path root) {
    try {
      List<Path> files = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fileSystem(root).listFiles(root, true);
      while (it.hasNext()) {
        files.add(it.next().getPath());
      }
      files.sort(null);
      return files;
    } catch (FileNotFoundException missing) {
      throw new InputException(shown(root) + ": no such file or folder", missing);
    } catch (IOException e) {
      throw unreachable(root, e);
    }
  }

  public long size(Path file) {
    FileStatus s = status(file);
    if (s == null) {
      throw new InputException(shown(file) + ": file not found");
    }
    return s.getLen();
  }

  /** The raw bytes of the file, buffered; the caller closes. */
  public InputStream open(Path file) throws IOException {
    return new BufferedInputStream(fileSystem(file).open(file), 1 << 16);
  }

  /** A whole small file (a manifest). */
  public byte[] readAll(Path file) {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new InputException(shown(file) + ": unreadable (" + oneLine(e) + ")", e);
    }
  }

  private FileSystem fileSystem(Path path) {
    try {
      if (isLocal(path)) {
        // The raw local file system: no .crc side files hidden or checked, as java.nio read them.
        return FileSystem.getLocal(conf).getRawFileSystem();
      }
      return path.getFileSystem(conf);
    } catch (IOException e) {
      throw unreachable(path, e);
    }
  }

  private static InputException unreachable(Path path, IOException e) {
    return new InputException(shown(path) + ": unreachable (" + oneLine(e) + ")", e);
  }

  /**
   * The innermost cause, one line: "ConnectException: Connection refused", not Hadoop's wiki link.
   */
  public static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
