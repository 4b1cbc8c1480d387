package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML summary goes beside the reports folder through a temporary file renamed into place; a
 * report's date is copied to another the same way.
 */
class ReportWriterTest {
  @Test
  void aFileBesideTheReportsReplacesThePreviousOneAndLeavesNoTemporaryFile(@TempDir Path dir)
      throws Exception {
    Path reports = dir.resolve("out/reports");
    Files.createDirectories(reports);
    Files.writeString(dir.resolve("out/summary.html"), "previous");
    // A temporary file left by a run killed before its rename.
    Files.writeString(dir.resolve("out/.summary.html.123-456.tmp"), "<html><bo");

    String where =
        ReportWriter.writeBeside(
            new Configuration(), reports.toString(), "summary.html", "<html>new</html>");

    assertEquals(dir.resolve("out/summary.html").toString(), where);
    assertEquals("<html>new</html>", Files.readString(dir.resolve("out/summary.html")));
    assertEquals(
        List.of("reports", "summary.html"), names(dir.resolve("out")), "no temporary file left");
  }

  @Test
  void aFileUriReportsFolderWritesBesideItToo(@TempDir Path dir) throws Exception {
    Path reports = dir.resolve("reports");

    ReportWriter.writeBeside(
        new Configuration(), reports.toUri().toString(), "summary.html", "<html>uri</html>");

    assertEquals("<html>uri</html>", Files.readString(dir.resolve("summary.html")));
    assertEquals(List.of("summary.html"), names(dir));
  }

  @Test
  void aDateIsCopiedToAnotherFileByFileAndAMissingDateCopiesNothing(@TempDir Path dir)
      throws Exception {
    Path from = dir.resolve("r/person_exposure/report_date=2026-11-29");
    Files.createDirectories(from);
    Files.writeString(from.resolve("part-0.parquet"), "rows");
    Path to = dir.resolve("r/person_exposure/report_date=2026-11-30");
    Files.createDirectories(to);
    Files.writeString(to.resolve("part-old.parquet"), "older rows of the date");
    Configuration conf = new Configuration();
    String root = dir.resolve("r").toString();

    assertTrue(
        ReportWriter.copy(
            conf,
            root,
            "person_exposure",
            java.time.LocalDate.parse("2026-11-29"),
            java.time.LocalDate.parse("2026-11-30")));

    // Hadoop's local file system adds a hidden checksum file beside each file it writes.
    assertEquals(
        List.of("part-0.parquet"),
        names(to).stream().filter(n -> !n.startsWith(".")).toList(),
        "the date replaced, not added to");
    assertEquals("rows", Files.readString(to.resolve("part-0.parquet")));
    assertEquals(
        List.of("report_date=2026-11-29", "report_date=2026-11-30"),
        names(dir.resolve("r/person_exposure")),
        "no staging folder left");
    assertFalse(
        ReportWriter.copy(
            conf,
            root,
            "person_exposure",
            java.time.LocalDate.parse("2026-11-28"),
            java.time.LocalDate.parse("2026-12-01")));
    assertFalse(Files.exists(dir.resolve("r/person_exposure/report_date=2026-12-01")));
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
