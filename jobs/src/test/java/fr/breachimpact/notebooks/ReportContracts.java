package fr.breachimpact.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analyst-facing report contracts of {@code schemas/<name>.json}: every column a reader sees,
 * the partition columns ({@code report_date}, and {@code stage} for run_summary) included, in the
 * order Spark and DuckDB show them (data columns, then partitions).
 */
final class ReportContracts {
  static final List<String> NAMES =
      List.of(
          "incident_severity",
          "exposure_by_incident_category",
          "person_exposure",
          "customer_risk",
          "incident_overlap",
          "group_overlap",
          "run_summary");

  record Column(String name, String type, boolean nullable) {}

  record Contract(String name, List<Column> dataColumns, List<Column> partitionColumns) {
    List<Column> columns() {
      List<Column> all = new ArrayList<>(dataColumns);
      all.addAll(partitionColumns);
      return all;
    }

    boolean has(String column) {
      return columns().stream().anyMatch(c -> c.name().equals(column));
    }

    /**
     * Where DuckDB finds the files: one glob level per partition column, hidden staging folders
     * left out.
     */
    String duckDbGlob(String reportsRoot) {
      StringBuilder glob = new StringBuilder(reportsRoot).append('/').append(name);
      partitionColumns.forEach(p -> glob.append('/').append(p.name()).append("=*"));
      return glob.append("/*.parquet").toString();
    }
  }

  private final Map<String, Contract> contracts = new LinkedHashMap<>();

  private ReportContracts(Map<String, Contract> contracts) {
    this.contracts.putAll(contracts);
  }

  static ReportContracts load(Path schemasDir) {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Contract> all = new LinkedHashMap<>();
    for (String name : NAMES) {
      Path file = schemasDir.resolve(name + ".json");
      try {
        JsonNode schema = mapper.readTree(file.toFile());
        List<String> partitions = new ArrayList<>();
        for (JsonNode p : schema.path("partitioned_by")) {
          partitions.add(p.isTextual() ? p.asText() : p.get("name").asText());
        }
        List<Column> data = new ArrayList<>();
        Map<String, Column> partitionColumns = new LinkedHashMap<>();
        for (String p : partitions) {
          partitionColumns.put(
              p, new Column(p, p.equals("report_date") ? "date" : "string", false));
        }
        for (JsonNode c : schema.get("columns")) {
          Column column =
              new Column(
                  c.get("name").asText(),
                  c.get("type").asText(),
                  c.path("nullable").asBoolean(true));
          if (partitionColumns.containsKey(column.name())) {
            partitionColumns.put(column.name(), column);
          } else {
            data.add(column);
          }
        }
        all.put(name, new Contract(name, data, List.copyOf(partitionColumns.values())));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read report contract " + file + ": " + e.getMessage(), e);
      }
    }
    return new ReportContracts(all);
  }

  static ReportContracts fromRepository() {
    return load(Path.of("..", "schemas"));
  }

  Contract get(String name) {
    return Optional.ofNullable(contracts.get(name))
        .orElseThrow(() -> new IllegalArgumentException("no report contract named " + name));
  }

  List<Contract> all() {
    return List.copyOf(contracts.values());
  }

  boolean isReport(String name) {
    return contracts.containsKey(name);
  }

  boolean isColumnOfAnyReport(String column) {
    return contracts.values().stream().anyMatch(c -> c.has(column));
  }
}
