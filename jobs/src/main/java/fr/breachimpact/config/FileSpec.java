package fr.breachimpact.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One leaked file of an incident as the manifest describes it.
 *
 * @param path path relative to the manifest's folder; never absolute, never leaving the folder
 * @param format {@code csv} or {@code jsonl}
 * @param delimiter CSV field separator: {@code ,} {@code ;} {@code |} or {@code \t}
 * @param header whether the first CSV line names the columns
 * @param columns column names of a CSV file without header, in order
 * @param quote CSV quote character, empty for none
 * @param encoding {@code UTF-8} or {@code windows-1252} (any charset name Java knows)
 * @param compression {@code none} or {@code gzip}
 * @param mapping source column (CSV header or JSON key) to canonical field name
 * @param categories source column to a category code or a Have I Been Pwned data class, for columns
 *     that are no canonical field but expose a category (kept in {@code extra})
 * @param multiline quoted fields may hold line breaks: an unclosed quote joins the following lines
 *     (at most 20). Off by default: in leaked dumps an unclosed quote is far more often a broken
 *     row, and joining would swallow the good rows after it.
 */
public record FileSpec(
    String path,
    String format,
    String delimiter,
    Boolean header,
    List<String> columns,
    String quote,
    String encoding,
    String compression,
    Map<String, String> mapping,
    Map<String, String> categories,
    Boolean multiline)
    implements Serializable {

  public FileSpec {
    format = format == null ? "csv" : format;
    delimiter = delimiter == null ? "," : delimiter;
    header = header == null ? Boolean.TRUE : header;
    columns = columns == null ? List.of() : List.copyOf(columns);
    quote = quote == null ? "\"" : quote;
    encoding = encoding == null ? "UTF-8" : encoding;
    compression = compression == null ? "none" : compression;
    mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    categories = categories == null ? Map.of() : Map.copyOf(categories);
    multiline = multiline == null ? Boolean.FALSE : multiline;
  }

  /** A file whose quoted fields hold no line breaks (the default). */
  public FileSpec(
      String path,
      String format,
      String delimiter,
      Boolean header,
      List<String> columns,
      String quote,
      String encoding,
      String compression,
      Map<String, String> mapping,
      Map<String, String> categories) {
    this(
        path,
        format,
        delimiter,
        header,
        columns,
        quote,
        encoding,
        compression,
        mapping,
        categories,
        null);
  }

  @JsonIgnore
  public boolean isJsonLines() {
    return "jsonl".equals(format);
  }

  @JsonIgnore
  public boolean isGzip() {
    return "gzip".equals(compression);
  }
}
