package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.testing.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The run lock of a lake on HDFS lies in the lake, on HDFS, and behaves as the local one. */
class HdfsRunLockTest {
  private final MiniHdfs hdfs = MiniHdfs.get();
  private final FileSystem fs = hdfs.fs();
  private final Configuration conf = fs.getConf();

  private Path lock(String name) {
    return new Path(hdfs.uri("/locks/" + name + "/_nightly.lock"));
  }

  private void writeLock(Path lock, long pid) throws IOException {
    try (OutputStream out = fs.create(lock, true)) {
      out.write(
          ("{\"runId\":\"run-old\",\"pid\":"
                  + pid
                  + ",\"host\":\""
                  + InetAddress.getLocalHost().getHostName()
                  + "\",\"startedAt\":\"2026-11-28T01:00:00Z\"}")
              .getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aLakeOnHdfsHoldsItsLockInTheLakeAndAnS3LakeOnTheDriverHost() {
    assertEquals(
        "hdfs://nn:8020/breach-impact/lake/_nightly.lock",
        RunLock.lockLocation("hdfs://nn:8020/breach-impact/lake/"));
    assertEquals(
        RunLock.lockFile("s3a://bucket/lake").toString(),
        RunLock.lockLocation("s3a://bucket/lake"));
    assertEquals(
        java.nio.file.Path.of("/data/lake/_nightly.lock").toString(),
        RunLock.lockLocation("/data/lake"));
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLockNamingIt() throws IOException {
    Path lock = lock("held");
    try (RunLock first = RunLock.acquire(lock, conf, "run-1")) {
      assertTrue(fs.exists(lock));
      RunLock.LockedException e =
          assertThrows(RunLock.LockedException.class, () -> RunLock.acquire(lock, conf, "run-2"));
      assertTrue(
          e.getMessage().contains("run-1") && e.getMessage().contains(lock.toString()),
          e.getMessage());
    }
    assertFalse(fs.exists(lock), "released on close");
  }

  @Test
  void aLockLeftByAKilledRunIsStaleAndTakenOver() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Path lock = lock("stale");
    writeLock(lock, dead.pid());
    try (RunLock taken = RunLock.acquire(lock, conf, "run-3")) {
      assertTrue(taken.tookOverStale());
      try (var in = fs.open(lock)) {
        assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("run-3"));
      }
    }
    assertFalse(fs.exists(lock));
    assertEquals(0, fs.listStatus(lock.getParent()).length, "nothing left aside");
  }
}
