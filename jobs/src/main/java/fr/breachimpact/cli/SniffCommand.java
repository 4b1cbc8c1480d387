package fr.breachimpact.cli;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.Json;
import fr.breachimpact.sniff.DraftManifest;
import fr.breachimpact.sniff.FileProposal;
import fr.breachimpact.sniff.PrefixReader;
import fr.breachimpact.sniff.SniffReport;
import fr.breachimpact.sniff.Sniffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Proposes a manifest for new leaked files: plain Java over a bounded prefix, no Spark. */
@Command(
    name = "sniff",
    header =
        "Draft a manifest for a new incident's files: encoding, format and each column's field.",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the first 10 MB or 100,000 lines of each file (gzip included) and writes a draft",
      "manifest: encoding, format, delimiter, quote, header, and each column's canonical field or",
      "category, with the evidence and an ingestion preview in sniff-report.md beside it.",
      "Dates, claimed total and circumstances are placeholders the manifest validation refuses",
      "until they are filled. Counts and column names only: no value of the files is printed."
    })
public final class SniffCommand implements Callable<Integer> {
  static final String REPORT = "sniff-report.md";

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "leaked files of one incident, inside the manifest's folder")
  List<Path> files;

  @Option(
      names = "--incident",
      paramLabel = "ID",
      description = "incident id (default: the manifest folder's name)")
  String incident;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "manifest to write (default: manifest.json in the folder holding all the files)")
  Path out;

  @Option(names = "--force", description = "overwrite an existing manifest")
  boolean force;

  @Override
  public Integer call() {
    Path manifest =
        (out != null ? out : commonFolder(files).resolve("manifest.json"))
            .toAbsolutePath()
            .normalize();
    Path folder = manifest.getParent();
    String id = incident != null ? incident : defaultId(folder);
    if (!id.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
      throw ConfigException.at(
          "--incident", id, "lower-case letters, digits, '.', '_' or '-' expected");
    }
    if (Files.exists(manifest) && !force) {
      throw new ConfigException(manifest + ": exists; --force to overwrite it");
    }
    List<FileProposal> proposals = new ArrayList<>();
    Sniffer sniffer = new Sniffer(PrefixReader.defaults());
    for (Path f : files) {
      Path abs = f.toAbsolutePath().normalize();
      if (!abs.startsWith(folder)) {
        throw new ConfigException(
            f
                + ": not inside the manifest's folder "
                + folder
                + " (manifests name their files relative to it)");
      }
      // Every file is sniffed before anything is written: a bad one leaves no draft behind.
      proposals.add(sniffer.sniff(abs, folder.relativize(abs).toString().replace('\\', '/')));
    }
    String report = SniffReport.render(id, manifest.getFileName().toString(), proposals);
    try {
      Files.createDirectories(folder);
      writeAtomically(
          manifest, Json.mapper().writeValueAsString(DraftManifest.build(id, proposals)) + "\n");
      writeAtomically(folder.resolve(REPORT), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.print(report);
    System.out.println();
    System.out.printf(
        "sniff: draft %s and %s written; %d placeholders to fill before ingesting%n",
        manifest, REPORT, DraftManifest.PLACEHOLDERS.size());
    return ExitCode.OK;
  }

  /** The deepest folder holding every file (a repost in a subfolder stays inside it). */
  static Path commonFolder(List<Path> files) {
    Path common = files.get(0).toAbsolutePath().normalize().getParent();
    for (Path f : files) {
      Path abs = f.toAbsolutePath().normalize();
      while (!abs.startsWith(common)) {
        common = common.getParent();
      }
    }
    return common;
  }

  static String defaultId(Path folder) {
    String name = folder.getFileName() == null ? "incident" : folder.getFileName().toString();
    String id =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
    return id.isEmpty() ? "incident" : id;
  }

  /** Written beside, then moved into place: never a half-written manifest. */
  private static void writeAtomically(Path target, String text) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), ".sniff", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
