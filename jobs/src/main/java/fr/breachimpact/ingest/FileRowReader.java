package fr.breachimpact.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IngestConfig;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads one leaked file (already decompressed) row by row. Every physical line ends up in exactly
 * one outcome: an accepted record, a quarantined row with its reason, the header, or a blank line
 * (not a row). Multi-line CSV records (a quoted line break) are joined when the joined text splits
 * into exactly the expected number of fields.
 */
public final class FileRowReader implements Iterator<RowOutcome> {
  static final int MAX_RAW_CHARS = 10_000;
  private static final int MAX_JOINED_LINES = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Line(PhysicalLine physical, LineDecoder.Decoded decoded) {}

  private final FileSpec spec;
  private final List<String> header;
  private final PhysicalLineReader lines;
  private final LineDecoder decoder;
  private final CsvLineSplitter splitter;
  private final RecordMapper mapper;
  private final int maxFields;
  private final Deque<Line> lookahead = new ArrayDeque<>();
  private RowOutcome next;
  private boolean first = true;
  private long blankLines;
  private long headerLines;

  public FileRowReader(
      InputStream decompressed, FileSpec spec, List<String> header, IngestConfig config) {
    this.spec = spec;
    this.header = header;
    this.lines = new PhysicalLineReader(decompressed, config.maxLineChars());
    this.decoder = new LineDecoder(Charset.forName(spec.encoding()));
    this.splitter = new CsvLineSplitter(delimiterChar(spec.delimiter()), spec.quote());
    this.mapper = new RecordMapper(spec);
    this.maxFields = config.maxFields();
  }

  /** A configured delimiter as a character: one character, or {@code \t} or {@code tab}. */
  public static char delimiterChar(String delimiter) {
    return switch (delimiter) {
      case "\\t", "tab", "\t" -> '\t';
      default -> delimiter.charAt(0);
    };
  }

  /** Lines that were blank: not rows, counted apart. */
  public long blankLines() {
    return blankLines;
  }

  public long headerLines() {
    return headerLines;
  }

  public boolean streamBroken() {
    return lines.streamBroken();
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      Line line = pull();
      if (line == null) {
        return false;
      }
      next = process(line);
    }
    return true;
  }

  @Override
  public RowOutcome next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RowOutcome out = next;
    next = null;
    return out;
  }

  private Line pull() {
    if (!lookahead.isEmpty()) {
      return lookahead.pollFirst();
    }
    if (!lines.hasNext()) {
      return null;
    }
    PhysicalLine p = lines.next();
    Line line = new Line(p, decoder.decode(p.bytes(), first));
    first = false;
    return line;
  }

  private Line peek(int index) {
    while (lookahead.size() <= index) {
      if (!lines.hasNext()) {
        return null;
      }
      PhysicalLine p = lines.next();
      lookahead.addLast(new Line(p, decoder.decode(p.bytes(), false)));
    }
    return lookahead.stream().skip(index).findFirst().orElse(null);
  }

  /** The outcome of one line, or null when it is no row (blank line, header). */
  private RowOutcome process(Line line) {
    PhysicalLine p = line.physical();
    String text = line.decoded().text();
    long n = p.number();
    if (p.tooLong()) {
      return RowOutcome.quarantined(
          n,
          raw(text),
          QuarantineReason.LINE_TOO_LONG,
          "line longer than " + p.bytes().length + " bytes");
    }
    if (p.truncatedFile()) {
      return RowOutcome.quarantined(
          n,
          raw(text),
          QuarantineReason.TRUNCATED_FILE,
          "file ends inside this row: the stream is cut");
    }
    if (!line.decoded().valid()) {
      return RowOutcome.quarantined(
          n, raw(text), QuarantineReason.INVALID_ENCODING, "bytes not valid in " + spec.encoding());
    }
    if (isBlank(text)) {
      blankLines++;
      return null;
    }
    if (spec.header() && !spec.isJsonLines() && headerLines == 0) {
      headerLines++;
      return null;
    }
    int control = controlCharacter(text);
    if (control >= 0) {
      return RowOutcome.quarantined(
          n,
          raw(text),
          QuarantineReason.CONTROL_CHARACTER,
          String.format("control character U+%04X", control));
    }
    return spec.isJsonLines() ? json(n, text) : csv(n, text);
  }

  /** Blank: nothing but spaces. A line of delimiters only is a row (an empty record), not blank. */
  private boolean isBlank(String text) {
    char delimiter = spec.isJsonLines() ? 0 : delimiterChar(spec.delimiter());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == delimiter || !(c == ' ' || c == '\t' || c == '\u00A0')) {
        return false;
      }
    }
    return true;
  }

  private int controlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return c;
      }
    }
    return -1;
  }

  private RowOutcome csv(long n, String text) {
    List<String> fields = splitter.split(text);
    if (fields == null) {
      RowOutcome joined = spec.multiline() ? tryJoin(n, text) : null;
      if (joined != null) {
        return joined;
      }
      return RowOutcome.quarantined(
          n, raw(text), QuarantineReason.UNBALANCED_QUOTE, "a quoted field never closes");
    }
    return fromFields(n, text, fields);
  }

  /** A quoted line break: joins following lines while the record stays open. */
  private RowOutcome tryJoin(long n, String text) {
    StringBuilder joined = new StringBuilder(text);
    for (int i = 0; i < MAX_JOINED_LINES; i++) {
      Line following = peek(i);
      if (following == null
          || !following.decoded().valid()
          || following.physical().tooLong()
          || following.physical().truncatedFile()
          || controlCharacter(following.decoded().text()) >= 0) {
        return null;
      }
      joined.append('\n').append(following.decoded().text());
      List<String> fields = splitter.split(joined.toString());
      if (fields != null) {
        if (fields.size() != header.size()) {
          return null;
        }
        for (int k = 0; k <= i; k++) {
          lookahead.pollFirst();
        }
        return fromFields(n, joined.toString(), fields);
      }
    }
    return null;
  }

  private RowOutcome fromFields(long n, String text, List<String> fields) {
    int expected = header.size();
    if (fields.size() < expected) {
      return RowOutcome.quarantined(
          n,
          raw(text),
          QuarantineReason.TOO_FEW_FIELDS,
          fields.size() + " fields, " + expected + " expected");
    }
    if (fields.size() > expected) {
      // Trailing empty fields (a trailing delimiter) are harmless; real extra values are not.
      boolean onlyEmptyExtra =
          fields.subList(expected, fields.size()).stream().allMatch(String::isBlank);
      if (!onlyEmptyExtra || fields.size() > maxFields) {
        return RowOutcome.quarantined(
            n,
            raw(text),
            QuarantineReason.TOO_MANY_FIELDS,
            fields.size() + " fields, " + expected + " expected");
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < expected; i++) {
      values.putIfAbsent(header.get(i), fields.get(i));
    }
    RowOutcome mapped = mapper.map(n, values);
    return mapped != null
        ? mapped
        : RowOutcome.quarantined(
            n, raw(text), QuarantineReason.EMPTY_RECORD, "no field holds a value");
  }

  private RowOutcome json(long n, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String what =
          e.getClass().getSimpleName().contains("Constraints")
              ? "limits exceeded"
              : "does not parse";
      return RowOutcome.quarantined(
          n,
          raw(text),
          QuarantineReason.MALFORMED_JSON,
          "JSON "
              + what
              + " at column "
              + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()));
    }
    if (node == null || !node.isObject()) {
      return RowOutcome.quarantined(
          n,
          raw(text),
          QuarantineReason.NOT_A_JSON_OBJECT,
          "a JSON "
              + (node == null ? "nothing" : node.getNodeType().name().toLowerCase())
              + ", not an object");
    }
    Map<String, String> values = new LinkedHashMap<>();
    JsonFlattener.flatten(node, "", values, maxFields);
    if (values.size() > maxFields) {
      return RowOutcome.quarantined(
          n, raw(text), QuarantineReason.TOO_MANY_FIELDS, "more than " + maxFields + " keys");
    }
    RowOutcome mapped = mapper.map(n, values);
    return mapped != null
        ? mapped
        : RowOutcome.quarantined(
            n, raw(text), QuarantineReason.EMPTY_RECORD, "no key holds a value");
  }

  private static String raw(String text) {
    return text.length() <= MAX_RAW_CHARS ? text : text.substring(0, MAX_RAW_CHARS);
  }
}
