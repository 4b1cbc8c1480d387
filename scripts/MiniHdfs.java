// A real HDFS on loopback for scripts/cluster-check.sh --hdfs: Hadoop's MiniDFSCluster (one name
// node, one data node, ports the system picks) from hadoop-client-minicluster, the jobs' test
// dependency at the Hadoop version Spark brings. Copies local folders in, writes the file system's
// URI (hdfs://127.0.0.1:<port>) to URI_FILE, and serves until STOP_FILE appears (or it is killed).
//   java <Spark opens> -cp <test classpath> scripts/MiniHdfs.java BASE_DIR URI_FILE STOP_FILE [LOCAL=/hdfs/path ...]
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

public class MiniHdfs {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: MiniHdfs BASE_DIR URI_FILE STOP_FILE [LOCAL=/hdfs/path ...]");
      System.exit(2);
    }
    Path base = Path.of(args[0]);
    Path uriFile = Path.of(args[1]);
    Path stopFile = Path.of(args[2]);
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toAbsolutePath().toString());
    conf.setInt("dfs.replication", 1);
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown));
    cluster.waitActive();
    String uri = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    FileSystem fs = cluster.getFileSystem();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      Path local = Path.of(args[i].substring(0, eq));
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(args[i].substring(eq + 1));
      fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri()), target);
      System.out.println("minihdfs: copied " + local + " to " + uri + target);
    }
    // Written last and whole (rename), so that a reader sees the URI only once the data is in.
    Path tmp = uriFile.resolveSibling(uriFile.getFileName() + ".tmp");
    Files.writeString(tmp, uri + "\n");
    Files.move(tmp, uriFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.println("minihdfs: serving " + uri);
    while (!Files.exists(stopFile)) {
      Thread.sleep(500);
    }
    System.out.println("minihdfs: stopping");
    System.exit(0);
  }
}
