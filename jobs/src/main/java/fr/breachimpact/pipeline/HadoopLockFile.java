package fr.breachimpact.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.ipc.RemoteException;

/**
 * A lock file on HDFS, beside a lake there: the name node creates a file only if it is absent
 * ({@code create(path, false)}) and renames atomically, so runs started on different hosts exclude
 * each other. Not for object stores (s3a:), whose create and rename are not atomic.
 */
final class HadoopLockFile implements LockFile {
  private final Path file;
  private final FileSystem fs;

  HadoopLockFile(Path file, Configuration conf) throws IOException {
    this.file = file;
    this.fs = file.getFileSystem(conf);
  }

  @Override
  public boolean createNew(byte[] content) throws IOException {
    fs.mkdirs(file.getParent());
    try (FSDataOutputStream out = fs.create(file, false)) {
      out.write(content);
      return true;
    } catch (FileAlreadyExistsException held) {
      return false;
    } catch (RemoteException remote) {
      if (remote.unwrapRemoteException(FileAlreadyExistsException.class)
          instanceof FileAlreadyExistsException) {
        return false;
      }
      throw remote;
    }
  }

  @Override
  public Optional<String> read() {
    try (InputStream in = fs.open(file)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  @Override
  public boolean moveAside(String suffix) {
    try {
      return fs.rename(file, aside(suffix));
    } catch (IOException lost) {
      return false;
    }
  }

  @Override
  public void deleteAside(String suffix) throws IOException {
    fs.delete(aside(suffix), false);
  }

  @Override
  public void delete() throws IOException {
    fs.delete(file, false);
  }

  private Path aside(String suffix) {
    return new Path(file.getParent(), file.getName() + suffix);
  }

  @Override
  public String shown() {
    return file.toString();
  }
}
