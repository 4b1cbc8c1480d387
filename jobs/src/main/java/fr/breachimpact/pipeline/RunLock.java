package fr.breachimpact.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One nightly run at a time on an output folder: a lock file created atomically
 * ({@code createFile} fails if it exists). A lock whose process is gone (same host, pid no
 * longer alive) is stale and taken over by renaming it away first, so two runs taking over the
 * same stale lock cannot both win.
 *
 * <p>The lock lives on the driver's file system beside the lake; for a lake on HDFS or S3 with
 * drivers on several hosts, the scheduler's own exclusivity (one DAG run at a time) is the lock.
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

  private final Path file;
  private final boolean tookOverStale;

  private RunLock(Path file, boolean tookOverStale) {
    this.file = file;
    this.tookOverStale = tookOverStale;
  }

  public boolean tookOverStale() {
    return tookOverStale;
  }

  public static RunLock acquire(Path file, String runId) {
    try {
      Files.createDirectories(file.getParent());
      Holder me = new Holder(runId, ProcessHandle.current().pid(), host(), Instant.now().toString());
      byte[] content = JSON.writeValueAsBytes(me);
      try {
        write(file, content);
        return new RunLock(file, false);
      } catch (FileAlreadyExistsException held) {
        Optional<Holder> holder = read(file);
        if (holder.isPresent() && isAlive(holder.get())) {
          Holder h = holder.get();
          throw new LockedException(
              "another run holds the lock " + file + " (run " + h.runId() + ", pid " + h.pid() + " on " + h.host() + ", since " + h.startedAt() + ")");
        }
        // Stale: move it aside atomically; only one contender's move succeeds.
        Path aside = file.resolveSibling(file.getFileName() + ".stale-" + runId);
        try {
          Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException lost) {
          throw new LockedException("another run is taking over the stale lock " + file);
        }
        Files.deleteIfExists(aside);
        try {
          write(file, content);
        } catch (FileAlreadyExistsException raced) {
          throw new LockedException("another run took over the stale lock " + file + " first");
        }
        return new RunLock(file, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the run lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.write(file, content, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
  }

  static Optional<Holder> read(Path file) {
    try {
      JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return Optional.of(new Holder(n.path("runId").asText(), n.path("pid").asLong(-1), n.path("host").asText(), n.path("startedAt").asText()));
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
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
