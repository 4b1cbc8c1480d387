package fr.breachimpact.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.breachimpact.classify.Category;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.Json;
import fr.breachimpact.ingest.QuarantineReason;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one leaked file line by line as its {@link FileSpec} describes it, and records in the
 * ground truth where each accepted and each malformed row landed (physical line numbers, the header
 * being line 1; for gzip, lines of the decompressed text).
 */
final class LeakFile implements Closeable {
  private static final ObjectWriter JSON_LINE =
      Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** A row already written, kept to write it again (duplicates) or replay a reposted copy. */
  private record Written(long line, String personId, String reason) {}

  private final String incidentId;
  private final FileSpec spec;
  private final List<RowRenderer.Column> columns;
  private final boolean quoteAll;
  private final boolean keepForCopy;
  private final GroundTruth truth;
  private final OutputStream out;
  private final Charset charset;
  private final CharsetEncoder encoder;
  private final char delimiter;
  private final char quote;
  private final List<Written> written = new ArrayList<>();
  private final List<String> recentLines = new ArrayList<>();
  private final List<String> recentPersons = new ArrayList<>();
  private final List<Map<Category, String>> recentCategories = new ArrayList<>();
  private long line;

  /**
   * @param keepForCopy remember every row's line and person, for a reposted copy's ground truth
   */
  LeakFile(
      Path incidentDir,
      String incidentId,
      FileSpec spec,
      List<RowRenderer.Column> columns,
      boolean quoteAll,
      boolean keepForCopy,
      GroundTruth truth)
      throws IOException {
    this.incidentId = incidentId;
    this.spec = spec;
    this.columns = columns;
    this.quoteAll = quoteAll;
    this.truth = truth;
    this.keepForCopy = keepForCopy;
    Path file = incidentDir.resolve(spec.path());
    Files.createDirectories(file.getParent());
    OutputStream raw = Files.newOutputStream(file);
    this.out =
        new BufferedOutputStream(spec.isGzip() ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16);
    this.charset = Charset.forName(spec.encoding());
    this.encoder = charset.newEncoder();
    this.delimiter = spec.delimiter().charAt(0);
    this.quote = spec.quote().isEmpty() ? 0 : spec.quote().charAt(0);
    if (!spec.isJsonLines() && spec.header()) {
      writeLine(CsvText.line(names(), delimiter, quote, false), charset);
    }
  }

  private String[] names() {
    return columns.stream().map(RowRenderer.Column::name).toArray(String[]::new);
  }

  /** Writes an accepted row and records it in the ground truth. */
  void accepted(LeakRow row) throws IOException {
    String text = format(row.values());
    writeLine(text, charset);
    record(row.personId(), null);
    for (Map.Entry<Category, String> c : row.categories().entrySet()) {
      truth.category(incidentId, c.getKey().name(), c.getValue());
    }
    if (recentLines.size() == 64) {
      recentLines.remove(0);
      recentPersons.remove(0);
      recentCategories.remove(0);
    }
    recentLines.add(text);
    recentPersons.add(row.personId());
    recentCategories.add(row.categories());
  }

  /** Writes again, byte for byte, one of the last rows written (a duplicated row). */
  void duplicateOfRecent(SplittableRandom r) throws IOException {
    if (recentLines.isEmpty()) {
      return;
    }
    int i = r.nextInt(recentLines.size());
    writeLine(recentLines.get(i), charset);
    record(recentPersons.get(i), null);
    for (Map.Entry<Category, String> c : recentCategories.get(i).entrySet()) {
      truth.category(incidentId, c.getKey().name(), c.getValue());
    }
  }

  void blankLine() throws IOException {
    writeLine("", charset);
  }

  /** Writes a row damaged so that ingestion must quarantine it for {@code reason}. */
  void malformed(LeakRow row, QuarantineReason reason, SplittableRandom r) throws IOException {
    String[] v = row.values().clone();
    switch (reason) {
      case TOO_FEW_FIELDS:
        {
          String[] cut =
              new String[Math.max(2, v.length - 1 - r.nextInt(Math.max(1, v.length / 2)))];
          System.arraycopy(v, 0, cut, 0, cut.length);
          writeLine(CsvText.line(cut, delimiter, quote, quoteAll), charset);
          break;
        }
      case TOO_MANY_FIELDS:
        writeLine(
            CsvText.line(v, delimiter, quote, quoteAll) + delimiter + "N/A" + delimiter + "x",
            charset);
        break;
      case UNBALANCED_QUOTE:
        {
          // The last field opens a quote that the line never closes.
          String[] head = new String[v.length - 1];
          System.arraycopy(v, 0, head, 0, head.length);
          String last =
              v[v.length - 1] == null
                  ? "inconnu"
                  : v[v.length - 1].replace(String.valueOf(quote), "");
          writeLine(
              CsvText.line(head, delimiter, quote, quoteAll) + delimiter + quote + last, charset);
          break;
        }
      case CONTROL_CHARACTER:
        {
          int c = indexOf(LeakField.LAST_NAME);
          String name = v[c] == null ? "Martin" : v[c];
          v[c] = name.substring(0, 1) + '\u0000' + name.substring(1);
          writeLine(format(v), charset);
          break;
        }
      case INVALID_ENCODING:
        {
          // A Windows-1252 é in a UTF-8 file: the byte 0xE9 begins no valid UTF-8 sequence here.
          int c = indexOf(LeakField.FIRST_NAME);
          v[c] = r.nextBoolean() ? "Hélène" : "Jérôme";
          writeLine(format(v), WINDOWS_1252);
          break;
        }
      case EMPTY_RECORD:
        writeLine(CsvText.line(new String[v.length], delimiter, quote, false), charset);
        break;
      case MALFORMED_JSON:
        {
          String json = format(v);
          writeLine(json.substring(0, json.length() / 2), charset);
          break;
        }
      case NOT_A_JSON_OBJECT:
        {
          int c = indexOf(LeakField.LAST_NAME);
          String name = v[c] == null ? "Martin" : v[c];
          writeLine(r.nextBoolean() ? "[\"" + name + "\", 0]" : "\"" + name + "\"", charset);
          break;
        }
      default:
        throw new IllegalArgumentException("the generator writes no " + reason + " line");
    }
    record(null, reason.name());
  }

  private int indexOf(LeakField field) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).field() == field) {
        return i;
      }
    }
    throw new IllegalStateException("no " + field + " column");
  }

  private void record(String personId, String reason) throws IOException {
    if (keepForCopy) {
      written.add(new Written(line, personId, reason));
    }
    if (personId != null) {
      truth.leaked(incidentId, spec.path(), line, personId, false);
    } else {
      truth.malformed(incidentId, spec.path(), line, reason, false);
    }
  }

  /** Records the rows of a byte-identical copy of this file posted again under {@code copyPath}. */
  void replayAsCopy(String copyPath) throws IOException {
    if (!keepForCopy) {
      throw new IllegalStateException("rows of " + spec.path() + " were not kept for a copy");
    }
    for (Written w : written) {
      if (w.personId() != null) {
        truth.leaked(incidentId, copyPath, w.line(), w.personId(), true);
      } else {
        truth.malformed(incidentId, copyPath, w.line(), w.reason(), true);
      }
    }
  }

  private String format(String[] values) {
    if (!spec.isJsonLines()) {
      for (int i = 0; i < values.length; i++) {
        values[i] = encodable(values[i]);
      }
      return CsvText.line(values, delimiter, quote, quoteAll);
    }
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        continue; // absent keys, as the service's API left them out
      }
      LeakField field = columns.get(i).field();
      object.put(
          columns.get(i).name(),
          field == LeakField.ACCOUNT_ID ? (Object) Long.valueOf(values[i]) : values[i]);
    }
    try {
      return JSON_LINE.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Characters the file's charset cannot hold lose their accents (Windows-1252 has no Ł). */
  private String encodable(String value) {
    if (value == null || encoder.canEncode(value)) {
      return value;
    }
    return Population.foldAccents(value).replaceAll("[^\\p{ASCII}]", "?");
  }

  private void writeLine(String text, Charset encoding) throws IOException {
    out.write(text.getBytes(encoding));
    out.write('\n');
    line++;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
