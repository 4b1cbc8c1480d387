package fr.breachimpact.sniff;

/**
 * The bounded start of a file, decompressed, cut at the last line end when a limit was reached so
 * that no partial line is judged.
 *
 * @param bytes the decompressed bytes read
 * @param gzip the file is gzip-compressed (magic bytes, not the file name)
 * @param complete the whole file fitted within the limits
 * @param streamBroken the gzip stream ended before its end (a cut archive)
 */
public record Prefix(byte[] bytes, boolean gzip, boolean complete, boolean streamBroken) {}
