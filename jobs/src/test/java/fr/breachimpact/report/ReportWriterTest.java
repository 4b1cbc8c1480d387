package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML summary goes beside the reports folder through a temporary file renamed into place. */
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

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
