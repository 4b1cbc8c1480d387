package fr.breachimpact.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * One nightly run at a time on an output folder: a lock file created atomically ({@code createFile}
 * fails if it exists). A lock whose process is gone (same host, pid no longer alive) is stale and
 * taken over by renaming it away first, so two runs taking over the same stale lock cannot both
 * win.
 *
 * <p>The lock lives beside the lake: on the driver's file system for a local or mounted lake, on
 * HDFS for a lake there (the name node's create-if-absent excludes drivers on other hosts too). For
 * a lake on S3, whose writes are not exclusive, the lock is a file of the driver host and the
 * scheduler's own exclusivity (one DAG run at a time) is the lock between hosts.
 */
public final class RunLock implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who holds the lock, as written in the lock file. */
  public record Holder(String runId, long pid, String host, String startedAt) {}

  /** Another live run holds the lock. */
  public static final class LockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LockedException(String message) {
      super(message);
    }
  }

  private final LockFile file;
  private final boolean tookOverStale;

  private RunLock(LockFile file, boolean tookOverStale) {
    this.file = file;
    this.tookOverStale = tookOverStale;
  }

  public boolean tookOverStale() {
    return tookOverStale;
  }

  /**
   * The lock of the nightly runs on the lake at {@code lake}, a path or URI: {@link #lockLocation}.
   */
  public static RunLock forLake(String lake, Configuration conf, String runId) {
    return isHdfs(lake)
        ? acquire(new org.apache.hadoop.fs.Path(lockLocation(lake)), conf, runId)
        : acquire(lockFile(lake), runId);
  }

  private static boolean isHdfs(String lake) {
    return lake.startsWith("hdfs://");
  }

  /**
   * Where the run lock lives, as a path or URI: in the lake on HDFS (the name node's
   * create-if-absent excludes runs of every host), else {@link #lockFile}.
   */
  public static String lockLocation(String lake) {
    return isHdfs(lake) ? trimSlash(lake) + "/_nightly.lock" : lockFile(lake).toString();
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * Where a local run lock lives: beside a lake on a local or mounted file system (a plain path or
   * a {@code file:} URI). A lake on S3 (or HDFS, where {@link #lockLocation} puts the lock in the
   * lake instead) has no local folder: the lock is then a file of the driver host's temporary
   * folder, named after the lake, so it only excludes runs started on that host (the scheduler's
   * one-run-at-a-time setting covers the rest; README).
   */
  public static Path lockFile(String lake) {
    if (lake.startsWith("file:")) {
      return Path.of(URI.create(lake)).resolve("_nightly.lock");
    }
    if (!lake.contains("://")) {
      return Path.of(lake).resolve("_nightly.lock");
    }
    String name = Fingerprint.of("lake").add("uri", lake).hex();
    return Path.of(System.getProperty("java.io.tmpdir"), "breach-impact-nightly-" + name + ".lock");
  }

  /** The lock as a file of the local (or a mounted) file system. */
  public static RunLock acquire(Path file, String runId) {
    return acquire(new LocalLockFile(file), runId);
  }

  /** The lock as a file on HDFS ({@code hdfs:} URI), beside a lake there. */
  public static RunLock acquire(org.apache.hadoop.fs.Path file, Configuration conf, String runId) {
    try {
      return acquire(new HadoopLockFile(file, conf), runId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the run lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static RunLock acquire(LockFile file, String runId) {
    try {
      Holder me =
          new Holder(runId, ProcessHandle.current().pid(), host(), Instant.now().toString());
      byte[] content = JSON.writeValueAsBytes(me);
      if (file.createNew(content)) {
        return new RunLock(file, false);
      }
      Optional<Holder> holder = read(file);
      if (holder.isPresent() && isAlive(holder.get())) {
        Holder h = holder.get();
        throw new LockedException(
            "another run holds the lock "
                + file.shown()
                + " (run "
                + h.runId()
                + ", pid "
                + h.pid()
                + " on "
                + h.host()
                + ", since "
                + h.startedAt()
                + ")");
      }
      // Stale: move it aside atomically; only one contender's move succeeds.
      String aside = ".stale-" + runId;
      if (!file.moveAside(aside)) {
        throw new LockedException("another run is taking over the stale lock " + file.shown());
      }
      file.deleteAside(aside);
      if (!file.createNew(content)) {
        throw new LockedException(
            "another run took over the stale lock " + file.shown() + " first");
      }
      return new RunLock(file, true);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot take the run lock " + file.shown() + ": " + e.getMessage(), e);
    }
  }

  static Optional<Holder> read(Path file) {
    return read(new LocalLockFile(file));
  }

  private static Optional<Holder> read(LockFile file) {
    try {
      JsonNode n = JSON.readTree(file.read().orElseThrow());
      return Optional.of(
          new Holder(
              n.path("runId").asText(),
              n.path("pid").asLong(-1),
              n.path("host").asText(),
              n.path("startedAt").asText()));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty(); // a lock cut short by a crash: stale
    }
  }

  /** Alive only if on this host and the pid runs; a lock of another host is trusted as alive. */
  static boolean isAlive(Holder h) {
    if (!h.host().equals(host())) {
      return true;
    }
    return ProcessHandle.of(h.pid()).map(ProcessHandle::isAlive).orElse(false);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  @Override
  public void close() {
    try {
      file.delete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
