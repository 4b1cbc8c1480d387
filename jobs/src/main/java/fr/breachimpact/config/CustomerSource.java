package fr.breachimpact.config;

import java.util.Map;

/**
 * One customer master extract of a brand.
 *
 * @param path file or folder, relative to the config file
 * @param format {@code csv}, {@code parquet} or {@code delta}
 * @param brand the brand every row belongs to (unless a column maps onto {@code brand})
 * @param group the group the brand belongs to (Mulliez)
 * @param mapping source column to canonical field name; {@code customer_id} is required
 */
public record CustomerSource(
    String path,
    String format,
    String delimiter,
    Boolean header,
    String encoding,
    String brand,
    String group,
    Map<String, String> mapping) {

  public CustomerSource {
    format = format == null ? "csv" : format;
    delimiter = delimiter == null ? "," : delimiter;
    header = header == null ? Boolean.TRUE : header;
    encoding = encoding == null ? "UTF-8" : encoding;
    mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
  }
}
