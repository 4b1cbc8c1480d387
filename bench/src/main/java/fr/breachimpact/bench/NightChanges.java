package fr.breachimpact.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.config.Json;
import fr.breachimpact.ingest.CsvLineSplitter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The changes the nights benchmark makes to its copies of the inputs between two nights: a new
 * incident made of the first rows of an existing one, and customers edited in place. Plain files,
 * no Spark, so that they can be checked on their own.
 */
final class NightChanges {
  /** Data rows of the new incident's leaked file. */
  static final int NEW_INCIDENT_ROWS = 10_000;

  /** Share of each customer extract's rows edited. */
  static final double EDITED_SHARE = 0.01;

  /** Seed of the choice of edited rows and of their new values: repeatable runs. */
  static final long EDIT_SEED = 20261207L;

  private static final String MANIFEST = "manifest.json";

  private NightChanges() {}

  /**
   * Writes incident {@code id} into {@code incidentsDir}: the manifest of the first incident (in
   * folder order, among {@code among}, all when empty) with an uncompressed, one-line-per-row CSV
   * file of at least {@link #NEW_INCIDENT_ROWS} data rows, that file cut to its header and first
   * {@code NEW_INCIDENT_ROWS} rows, its bytes kept (encoding and line ends as they were). The new
   * manifest has the new id, dates just before {@code date} and only that file.
   *
   * @return the incident the rows were taken from
   */
  static String newIncident(Path incidentsDir, List<String> among, String id, LocalDate date) {
    try {
      List<Path> folders;
      if (among.isEmpty()) {
        try (Stream<Path> s = Files.list(incidentsDir)) {
          folders = s.filter(p -> Files.isRegularFile(p.resolve(MANIFEST))).sorted().toList();
        }
      } else {
        folders = among.stream().map(incidentsDir::resolve).sorted().toList();
      }
      for (Path folder : folders) {
        IncidentManifest m = Json.read(folder.resolve(MANIFEST), IncidentManifest.class);
        for (int i = 0; i < m.files().size(); i++) {
          FileSpec f = m.files().get(i);
          Path file = folder.resolve(f.path());
          if (f.format().equals("csv")
              && f.compression().equals("none")
              && !f.multiline()
              && lines(file, NEW_INCIDENT_ROWS + (f.header() ? 1 : 0))) {
            write(folder, i, f, incidentsDir.resolve(id), id, date);
            return folder.getFileName().toString();
          }
        }
      }
      throw new IllegalStateException(
          "no incident has an uncompressed CSV file of "
              + NEW_INCIDENT_ROWS
              + " rows to make the new incident from");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(
      Path from, int fileIndex, FileSpec f, Path to, String id, LocalDate date) throws IOException {
    Files.createDirectories(to);
    String name = Path.of(f.path()).getFileName().toString();
    copyLines(from.resolve(f.path()), to.resolve(name), NEW_INCIDENT_ROWS + (f.header() ? 1 : 0));
    ObjectMapper json = Json.mapper();
    ObjectNode manifest = (ObjectNode) json.readTree(from.resolve(MANIFEST).toFile());
    ObjectNode file = (ObjectNode) manifest.get("files").get(fileIndex).deepCopy();
    file.put("path", name);
    ArrayNode files = json.createArrayNode().add(file);
    manifest.set("files", files);
    manifest.put("incident_id", id);
    manifest.put(
        "description",
        "Benchmark incident: the first "
            + NEW_INCIDENT_ROWS
            + " rows of an earlier incident's file, found again.");
    ObjectNode dates = json.createObjectNode();
    dates.put("occurred", date.minusDays(3).toString());
    dates.put("became_aware", date.minusDays(1) + "T09:00:00+01:00");
    dates.put("disclosed", date.minusDays(1).toString());
    manifest.set("dates", dates);
    manifest.put("claimed_total_affected", NEW_INCIDENT_ROWS);
    manifest.putNull("notified_total_affected");
    json.writerWithDefaultPrettyPrinter().writeValue(to.resolve(MANIFEST).toFile(), manifest);
  }

  /** Whether {@code file} has at least {@code n} lines. */
  private static boolean lines(Path file, int n) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      int seen = 0;
      int b;
      int last = '\n';
      while (seen < n && (b = in.read()) != -1) {
        if (b == '\n') {
          seen++;
        }
        last = b;
      }
      // A last line without its line end counts too.
      return seen >= n || (seen == n - 1 && last != '\n');
    }
  }

  /** The first {@code n} lines of {@code from}, byte for byte. */
  private static void copyLines(Path from, Path to, int n) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(from));
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(to))) {
      int seen = 0;
      int b;
      while (seen < n && (b = in.read()) != -1) {
        out.write(b);
        if (b == '\n') {
          seen++;
        }
      }
    }
  }

  /**
   * Edits {@link #EDITED_SHARE} of the data rows of a customer CSV in place, as a customer master
   * changes from one extract to the next: the chosen rows get a new email (when the extract has
   * one) and move to the address of another, unedited row (street, postcode and city, those the
   * extract has). Customer ids, the row count and every other row are left as they were; an edited
   * row is split as ingestion splits it ({@link CsvLineSplitter}) and written again with its fields
   * quoted where they need it, and a row that cannot be split is never chosen. Streamed through a
   * file beside it, so that a large extract is never held in memory: the nights after it measure
   * their own memory.
   *
   * @param mapping source column to canonical field, as the config maps the extract
   * @return the number of rows edited
   */
  static int editCustomers(
      Path csv, Charset encoding, char delimiter, boolean header, Map<String, String> mapping) {
    try {
      CsvLineSplitter splitter = new CsvLineSplitter(delimiter, "\"");
      int first = header ? 1 : 0;
      // Pass 1: the header, the rows and those that cannot be split (never chosen).
      List<String> names = null;
      int width = -1;
      int lines = 0;
      BitSet unsplit = new BitSet();
      try (BufferedReader in = Files.newBufferedReader(csv, encoding)) {
        String line;
        while ((line = in.readLine()) != null) {
          List<String> fields = splitter.split(line);
          if (lines == 0) {
            width = fields == null ? -1 : fields.size();
            names = header ? fields : null;
          }
          if (lines >= first && (fields == null || fields.size() != width)) {
            unsplit.set(lines);
          }
          lines++;
        }
      }
      int rows = Math.max(0, lines - first);
      int eligible = rows - unsplit.cardinality();
      int email = column(names, width, mapping, "email");
      int[] address = {
        column(names, width, mapping, "street"),
        column(names, width, mapping, "postcode"),
        column(names, width, mapping, "city")
      };
      if (email < 0 && address[0] < 0 && address[1] < 0) {
        throw new IllegalStateException(
            csv.getFileName() + ": no email, street or postcode column to edit");
      }
      int edits = (int) Math.min(eligible, Math.round(rows * EDITED_SHARE));
      if (edits == 0) {
        return 0;
      }
      // The edited rows, then for each the row whose address it takes: drawn among the rows that
      // can be split, 1 % of them, so that a draw seldom repeats.
      Random random = new Random(EDIT_SEED);
      BitSet edited = new BitSet();
      for (int n = 0; n < edits; ) {
        int row = first + random.nextInt(rows);
        if (!unsplit.get(row) && !edited.get(row)) {
          edited.set(row);
          n++;
        }
      }
      Map<Integer, Integer> donors = new HashMap<>();
      BitSet donorRows = new BitSet();
      if (eligible > edits) {
        for (int row = edited.nextSetBit(0); row >= 0; row = edited.nextSetBit(row + 1)) {
          int donor;
          do {
            donor = first + random.nextInt(rows);
          } while (unsplit.get(donor) || edited.get(donor));
          donors.put(row, donor);
          donorRows.set(donor);
        }
      }
      // Pass 2: the donors' addresses.
      Map<Integer, List<String>> moves = new HashMap<>();
      Map<Integer, List<String>> byDonor = new HashMap<>();
      try (BufferedReader in = Files.newBufferedReader(csv, encoding)) {
        String line;
        for (int i = 0; (line = in.readLine()) != null; i++) {
          if (donorRows.get(i)) {
            byDonor.put(i, splitter.split(line));
          }
        }
      }
      donors.forEach((row, donor) -> moves.put(row, byDonor.get(donor)));
      // Pass 3: every line as it was but the edited ones, line ends kept, then moved into place.
      String eol = lineEnd(csv);
      boolean trailing = endsWithLineEnd(csv);
      Path tmp = csv.resolveSibling(csv.getFileName() + ".editing");
      try (BufferedReader in = Files.newBufferedReader(csv, encoding);
          BufferedWriter out = Files.newBufferedWriter(tmp, encoding)) {
        String line;
        for (int i = 0; (line = in.readLine()) != null; i++) {
          if (i > 0) {
            out.write(eol);
          }
          if (edited.get(i)) {
            List<String> fields = new ArrayList<>(splitter.split(line));
            if (email >= 0) {
              fields.set(email, newEmail(fields.get(email), random));
            }
            List<String> other = moves.get(i);
            for (int c : address) {
              if (c >= 0 && other != null) {
                fields.set(c, other.get(c));
              }
            }
            line =
                fields.stream()
                    .map(v -> quoted(v, delimiter))
                    .collect(Collectors.joining(String.valueOf(delimiter)));
          }
          out.write(line);
        }
        if (trailing && lines > 0) {
          out.write(eol);
        }
      }
      Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING);
      return edits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's line end: that of its first line. */
  private static String lineEnd(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      int previous = -1;
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          return previous == '\r' ? "\r\n" : "\n";
        }
        previous = b;
      }
      return "\n";
    }
  }

  private static boolean endsWithLineEnd(Path file) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      if (ch.size() == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.position(ch.size() - 1).read(last);
      return last.get(0) == '\n';
    }
  }

  /** A new address at the same provider, or a new one when the row had none. */
  private static String newEmail(String old, Random random) {
    int at = old.lastIndexOf('@');
    String suffix = String.valueOf(10 + random.nextInt(90));
    if (at <= 0) {
      return "client." + (100_000 + random.nextInt(900_000)) + "@example.fr";
    }
    return old.substring(0, at) + "." + suffix + old.substring(at);
  }

  /** The index of the column mapped to {@code field}, -1 when none. */
  private static int column(
      List<String> names, int width, Map<String, String> mapping, String field) {
    for (Map.Entry<String, String> e : mapping.entrySet()) {
      if (!e.getValue().equals(field)) {
        continue;
      }
      // Without a header Spark names the columns _c0, _c1, ...
      int i =
          names != null
              ? names.indexOf(e.getKey())
              : e.getKey().matches("_c\\d+") ? Integer.parseInt(e.getKey().substring(2)) : -1;
      if (i >= 0 && i < width) {
        return i;
      }
    }
    return -1;
  }

  private static String quoted(String value, char delimiter) {
    return value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }
}
