package fr.breachimpact.ingest;

/**
 * One physical line of a file as bytes, before decoding.
 *
 * @param number 1-based line number in the (decompressed) file
 * @param bytes the line without its terminator; cut at the reader's limit when {@code tooLong}
 * @param tooLong the line was longer than the limit and was cut
 * @param truncatedFile the file ended inside this line because the stream broke (a gzip cut)
 */
public record PhysicalLine(long number, byte[] bytes, boolean tooLong, boolean truncatedFile) {}
