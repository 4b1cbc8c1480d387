package fr.breachimpact.sniff;

/**
 * @param encoding the charset name to write in the manifest
 * @param bom the file starts with a UTF-8 byte-order mark (ingestion drops it)
 * @param evidence counts only
 */
public record EncodingGuess(String encoding, boolean bom, String evidence) {}
