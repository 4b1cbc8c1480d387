package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NightlyLockFileTest {
  @Test
  void theLockOfALocalLakeLiesInTheLake() {
    assertEquals(Path.of("/data/lake/_nightly.lock"), RunLock.lockFile("/data/lake"));
  }

  @Test
  void aFileUriLakeIsTheSameFolderNotAFolderNamedFileColon() {
    assertEquals(Path.of("/data/lake/_nightly.lock"), RunLock.lockFile("file:/data/lake"));
    assertEquals(Path.of("/data/lake/_nightly.lock"), RunLock.lockFile("file:///data/lake"));
  }

  @Test
  void aLakeOnHdfsOrS3GetsOneLocalLockPerLakeUri() {
    Path hdfs = RunLock.lockFile("hdfs://nn:8020/breach-impact/lake");
    Path s3 = RunLock.lockFile("s3a://bucket/lake");
    assertTrue(
        hdfs.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), "in the temporary folder");
    assertEquals(hdfs, RunLock.lockFile("hdfs://nn:8020/breach-impact/lake"), "stable");
    assertTrue(!hdfs.equals(s3), "one lock per lake");
    assertTrue(!hdfs.toString().contains("hdfs:"), "no folder named after the scheme");
  }
}
