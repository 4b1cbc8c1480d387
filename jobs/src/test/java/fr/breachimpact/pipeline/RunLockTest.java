package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir Path dir;

  private void writeLock(Path lock, long pid) throws IOException {
    Files.writeString(
        lock,
        "{\"runId\":\"run-old\",\"pid\":"
            + pid
            + ",\"host\":\""
            + InetAddress.getLocalHost().getHostName()
            + "\",\"startedAt\":\"2026-11-28T01:00:00Z\"}");
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() {
    Path lock = dir.resolve("lake/_nightly.lock");
    try (RunLock first = RunLock.acquire(lock, "run-1")) {
      RunLock.LockedException e =
          assertThrows(RunLock.LockedException.class, () -> RunLock.acquire(lock, "run-2"));
      assertTrue(e.getMessage().contains("run-1"), e.getMessage());
    }
    assertFalse(Files.exists(lock), "released on close");
  }

  @Test
  void aLockOfALiveProcessIsRespected() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    try {
      Path lock = dir.resolve("_nightly.lock");
      writeLock(lock, sleeper.pid());
      assertThrows(RunLock.LockedException.class, () -> RunLock.acquire(lock, "run-2"));
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void aLockLeftByAKilledRunIsStaleAndTakenOver() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Path lock = dir.resolve("_nightly.lock");
    writeLock(lock, dead.pid());
    try (RunLock taken = RunLock.acquire(lock, "run-3")) {
      assertTrue(taken.tookOverStale());
      assertTrue(Files.readString(lock).contains("run-3"));
    }
  }

  @Test
  void aLockFileCutShortByACrashIsStale() throws Exception {
    Path lock = dir.resolve("_nightly.lock");
    Files.writeString(lock, "{\"runId\":\"run-o");
    try (RunLock taken = RunLock.acquire(lock, "run-4")) {
      assertTrue(taken.tookOverStale());
    }
  }
}
