package fr.breachimpact.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** A lock file on a local or mounted file system: {@code CREATE_NEW} and atomic moves. */
final class LocalLockFile implements LockFile {
  private final Path file;

  LocalLockFile(Path file) {
    this.file = file;
  }

  @Override
  public boolean createNew(byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    try {
      Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return true;
    } catch (FileAlreadyExistsException held) {
      return false;
    }
  }

  @Override
  public Optional<String> read() {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  @Override
  public boolean moveAside(String suffix) {
    try {
      Files.move(file, aside(suffix), StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException lost) {
      return false;
    }
  }

  @Override
  public void deleteAside(String suffix) throws IOException {
    Files.deleteIfExists(aside(suffix));
  }

  @Override
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  private Path aside(String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  @Override
  public String shown() {
    return file.toString();
  }
}
