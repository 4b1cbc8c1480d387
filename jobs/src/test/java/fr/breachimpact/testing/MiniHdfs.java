package fr.breachimpact.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS in this JVM (Hadoop's MiniDFSCluster: one name node, one data node, on loopback ports
 * the system picks), started on first use and shared by the test classes like the SparkSession;
 * stopped when the JVM ends.
 */
public final class MiniHdfs {
  private static MiniHdfs instance;

  private final MiniDFSCluster cluster;
  private final String uri;

  private MiniHdfs(MiniDFSCluster cluster) {
    this.cluster = cluster;
    this.uri = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
  }

  public static synchronized MiniHdfs get() {
    if (instance == null) {
      try {
        Path base = Files.createTempDirectory("breach-impact-minidfs");
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        conf.setInt("dfs.replication", 1);
        // Loopback only, no web UI worth a port of its own.
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        MiniDFSCluster cluster =
            new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
        cluster.waitActive();
        instance = new MiniHdfs(cluster);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** {@code hdfs://127.0.0.1:<port><path>}. */
  public String uri(String path) {
    return uri + path;
  }

  public FileSystem fs() {
    try {
      return cluster.getFileSystem();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a local file or folder to {@code hdfsPath}, returns its URI. */
  public String put(Path local, String hdfsPath) {
    try {
      fs().copyFromLocalFile(
              false,
              true,
              new org.apache.hadoop.fs.Path(local.toUri()),
              new org.apache.hadoop.fs.Path(hdfsPath));
      return uri(hdfsPath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
