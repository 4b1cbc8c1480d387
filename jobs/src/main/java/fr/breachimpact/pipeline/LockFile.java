package fr.breachimpact.pipeline;

import java.io.IOException;
import java.util.Optional;

/**
 * The file behind {@link RunLock}, on a file system whose create-if-absent and rename are atomic: a
 * local one (java.nio) or HDFS (the name node decides).
 */
interface LockFile {
  /** Creates the file with this content; false if it exists already (another run's lock). */
  boolean createNew(byte[] content) throws IOException;

  /** The content, or empty when the file is gone or unreadable. */
  Optional<String> read();

  /** Renames the file to a sibling with this suffix; false if another run moved it first. */
  boolean moveAside(String suffix);

  void deleteAside(String suffix) throws IOException;

  void delete() throws IOException;

  /** How error lines name it. */
  String shown();
}
