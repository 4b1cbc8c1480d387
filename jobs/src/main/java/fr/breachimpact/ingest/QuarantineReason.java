package fr.breachimpact.ingest;

/**
 * Why a row of a leaked file was not accepted. The generator's ground truth uses the same codes, so
 * that the end-to-end tests can check each malformed line landed with its reason.
 */
public enum QuarantineReason {
  /** Fewer fields than the header or column list: a truncated row. */
  TOO_FEW_FIELDS,
  /** More fields than the header or column list. */
  TOO_MANY_FIELDS,
  /** A quote opened and never closed on the line. */
  UNBALANCED_QUOTE,
  /** Bytes that are not valid in the file's declared encoding. */
  INVALID_ENCODING,
  /** A NUL or another control character that no text field holds. */
  CONTROL_CHARACTER,
  /** A physical line longer than {@code ingest.max_line_chars}. */
  LINE_TOO_LONG,
  /** A JSON-lines row that does not parse. */
  MALFORMED_JSON,
  /** A JSON-lines row that parses but is no object (array, string, number). */
  NOT_A_JSON_OBJECT,
  /** A row in which no mapped column holds a value. */
  EMPTY_RECORD,
  /** The last row of a file that ends mid-record (a gzip cut in the middle). */
  TRUNCATED_FILE,
  /** The whole file is byte-identical to a file already ingested (a reposted sample). */
  DUPLICATE_FILE
}
