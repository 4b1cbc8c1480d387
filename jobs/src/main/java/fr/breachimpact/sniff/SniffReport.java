package fr.breachimpact.sniff;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side report of a draft: per file, each decision with its evidence and the ingestion preview.
 * Column names, counts and shares only: no value of the file ever appears here.
 */
public final class SniffReport {
  private SniffReport() {}

  public static String render(String incidentId, String manifestName, List<FileProposal> files) {
    StringBuilder sb = new StringBuilder();
    sb.append("# sniff: ").append(incidentId).append("\n\n");
    sb.append("Draft `")
        .append(manifestName)
        .append("`, ")
        .append(files.size())
        .append(files.size() == 1 ? " file" : " files")
        .append(". Fill before ingesting (the manifest is refused until then): `")
        .append(String.join("`, `", DraftManifest.PLACEHOLDERS.keySet()))
        .append(
            "`; also `circumstances.confidentiality`, `integrity`, `availability` (written `none`), and as known: ")
        .append(
            "`organisation`, `brands`, `group`, `sector`, `description`, `notified_total_affected`, `context_adjustments`.\n");
    for (FileProposal f : files) {
      sb.append("\n## ").append(f.path()).append("\n\n");
      sb.append(
          String.format(
              Locale.ROOT,
              "- sampled: %,d bytes%s%s%n",
              f.prefixBytes(),
              f.wholeFile() ? " (the whole file)" : " (a prefix: the first 10 MB or 100,000 lines)",
              f.gzip() ? ", gzip" : ""));
      sb.append("- encoding ")
          .append(f.encoding().encoding())
          .append(": ")
          .append(f.encoding().evidence())
          .append('\n');
      f.layout().evidence().forEach(e -> sb.append("- ").append(e).append('\n'));
      sb.append("\n| column | proposal | evidence |\n| --- | --- | --- |\n");
      for (ColumnProposal c : f.columns()) {
        String proposal =
            c.field() != null
                ? c.field().columnName()
                : c.category() != null ? "category " + c.category().name() : "-";
        sb.append("| ")
            .append(escape(c.column()))
            .append(" | ")
            .append(proposal)
            .append(" | ")
            .append(escape(c.evidence()))
            .append(" |\n");
      }
      IngestPreview p = f.preview();
      sb.append(
          String.format(
              Locale.ROOT,
              "%nIngestion preview over the sample: %,d rows, %,d accepted, %,d quarantined",
              p.rows(),
              p.rows() - p.quarantined(),
              p.quarantined()));
      if (!p.quarantineByReason().isEmpty()) {
        sb.append(" (");
        boolean first = true;
        for (Map.Entry<String, Long> e : p.quarantineByReason().entrySet()) {
          sb.append(first ? "" : ", ")
              .append(e.getKey())
              .append(' ')
              .append(String.format(Locale.ROOT, "%,d", e.getValue()));
          first = false;
        }
        sb.append(')');
      }
      sb.append(".\n");
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }
}
