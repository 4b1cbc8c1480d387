package fr.breachimpact.ingest;

import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.spark.ScalaMaps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The rows of one file in the shape of {@link IngestSchemas#outcomes()}: runs on an executor. Rows
 * of a file that repeats an earlier one are all quarantined as {@code DUPLICATE_FILE}.
 */
public final class OutcomeRows implements Iterator<Row> {
  private static final int CANONICAL = CanonicalField.values().length;

  private final FileTask task;
  private final InputStream in;
  private final FileRowReader reader;

  public OutcomeRows(FileTask task, IngestConfig config, Configuration hadoop) {
    this.task = task;
    try {
      this.in = FileOpener.openDecompressed(task.location(), task.spec().isGzip(), hadoop);
    } catch (IOException e) {
      throw new InputException(
          task.incidentId() + "/" + task.sourceFile() + ": unreadable (" + e.getMessage() + ")", e);
    }
    this.reader = new FileRowReader(in, task.spec(), task.header(), config);
  }

  @Override
  public boolean hasNext() {
    boolean more;
    try {
      more = reader.hasNext();
    } catch (UncheckedIOException e) {
      throw new InputException(
          task.incidentId() + "/" + task.sourceFile() + ": read failed (" + e.getMessage() + ")",
          e);
    }
    if (!more) {
      close();
    }
    return more;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RowOutcome o = reader.next();
    Object[] values = new Object[5 + CANONICAL + 5];
    values[0] = task.incidentId();
    values[1] = task.sourceFile();
    values[2] = task.sha256();
    values[3] = o.lineNumber();
    boolean duplicate = task.duplicateOf() != null;
    values[4] = o.isAccepted() && !duplicate;
    if (o.isAccepted() && !duplicate) {
      System.arraycopy(o.values(), 0, values, 5, CANONICAL);
      values[5 + CANONICAL] = ScalaMaps.of(o.extra());
      values[6 + CANONICAL] = ScalaMaps.of(o.extraCategories());
    } else if (duplicate) {
      values[7 + CANONICAL] = null; // the first copy holds the text already
      values[8 + CANONICAL] = QuarantineReason.DUPLICATE_FILE.name();
      values[9 + CANONICAL] = "same bytes as " + task.duplicateOf();
    } else {
      values[7 + CANONICAL] = o.rawText();
      values[8 + CANONICAL] = o.reason().name();
      values[9 + CANONICAL] = o.detail();
    }
    return RowFactory.create(values);
  }

  private void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // read side only: nothing to lose
    }
  }
}
