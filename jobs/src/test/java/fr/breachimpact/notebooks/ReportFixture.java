package fr.breachimpact.notebooks;

import fr.breachimpact.spark.ScalaMaps;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A tiny set of every report, with the columns and types of the contracts in {@code schemas/},
 * written as Parquet and partitioned as the jobs write them. Ids and pseudonyms only.
 *
 * <pre>
 * incidents   auchan-2024 (Mulliez, high), leroy-merlin-2025 (Mulliez, medium),
 *             clinic-2025 (no group, very high), tiny-2025 (low, counts suppressed, no awareness date)
 * persons     40: 0..23 high (Auchan and Leroy Merlin customers), 24..35 medium (Auchan only),
 *             36..39 very high (clinic, no customer); every third of 0..35 in both Mulliez incidents
 * overlap     the six pairs of the four incidents; group Mulliez
 * run_summary ingest, link and report stage totals and one ingest file
 * </pre>
 *
 * With {@code olderDate}, every report also gets the same rows a day earlier: a query that forgets
 * to keep the latest date then counts or lists them twice.
 */
final class ReportFixture {
  static final LocalDate LATEST = LocalDate.of(2026, 11, 29);
  static final LocalDate OLDER = LATEST.minusDays(1);
  private static final String MULLIEZ = "Mulliez";

  private record Incident(
      String id,
      String organisation,
      String group,
      List<String> brands,
      int dpc,
      double ei,
      double cb,
      String level,
      Long persons,
      Long records,
      String becameAware) {
    double se() {
      return dpc * ei + cb;
    }
  }

  private static final List<Incident> INCIDENTS =
      List.of(
          new Incident(
              "auchan-2024",
              "Auchan",
              MULLIEZ,
              List.of("Auchan"),
              2,
              1.0,
              1.0,
              "high",
              350L,
              420L,
              "2024-12-02T09:00:00Z"),
          new Incident(
              "leroy-merlin-2025",
              "Leroy Merlin",
              MULLIEZ,
              List.of("Leroy Merlin"),
              1,
              1.0,
              1.0,
              "medium",
              300L,
              310L,
              "2025-12-01T08:30:00Z"),
          new Incident(
              "clinic-2025",
              "MedClinic",
              null,
              List.of(),
              4,
              1.0,
              1.0,
              "very high",
              120L,
              125L,
              "2026-11-28T12:00:00Z"),
          new Incident(
              "tiny-2025", "Tiny SaaS", null, List.of(), 1, 0.75, 0.25, "low", null, null, null));

  private ReportFixture() {}

  /** Writes every report under {@code root}; returns the root as a string for the engines. */
  static String write(SparkSession spark, ReportContracts contracts, Path root, boolean olderDate) {
    Map<String, List<Map<String, Object>>> reports = new LinkedHashMap<>();
    reports.put("incident_severity", incidentSeverity());
    reports.put("exposure_by_incident_category", exposure());
    reports.put("person_exposure", personExposure());
    reports.put("customer_risk", customerRisk());
    reports.put("incident_overlap", incidentOverlap());
    reports.put(
        "group_overlap",
        List.of(
            row(
                "group_name",
                MULLIEZ,
                "brands",
                2L,
                "incidents",
                2L,
                "persons_exposed",
                570L,
                "persons_multi_incident",
                80L,
                "persons_exposed_customers",
                400L,
                "persons_multi_brand_customers",
                150L,
                "persons_multi_brand_customers_exposed",
                60L,
                "below_min_cell_size",
                false)));
    reports.put("run_summary", runSummary());
    for (var report : reports.entrySet()) {
      ReportContracts.Contract contract = contracts.get(report.getKey());
      List<Map<String, Object>> rows = new ArrayList<>(dated(report.getValue(), LATEST));
      if (olderDate) {
        rows.addAll(dated(report.getValue(), OLDER));
      }
      String[] partitions =
          contract.partitionColumns().stream()
              .map(ReportContracts.Column::name)
              .toArray(String[]::new);
      frame(spark, contract, rows)
          .coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .partitionBy(partitions)
          .parquet(root.resolve(contract.name()).toString());
    }
    return root.toString();
  }

  private static List<Map<String, Object>> dated(List<Map<String, Object>> rows, LocalDate date) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      Map<String, Object> copy = new LinkedHashMap<>(r);
      copy.put("report_date", date.toString());
      if (copy.containsKey("run_date")) {
        copy.put("run_date", date.toString());
      }
      out.add(copy);
    }
    return out;
  }

  private static List<Map<String, Object>> incidentSeverity() {
    List<Map<String, Object>> rows = new ArrayList<>();
    Instant endOfRunDate = LATEST.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    for (Incident i : INCIDENTS) {
      Instant aware = i.becameAware() == null ? null : Instant.parse(i.becameAware());
      Instant deadline = aware == null ? null : aware.plus(Duration.ofHours(72));
      boolean art34 = i.level().equals("high") || i.level().equals("very high");
      rows.add(
          row(
              "incident_id",
              i.id(),
              "organisation",
              i.organisation(),
              "dpc",
              i.dpc(),
              "dpc_factors",
              "base " + i.dpc() + " from the fixture",
              "ei",
              i.ei(),
              "ei_factors",
              "rule of the fixture",
              "cb",
              i.cb(),
              "cb_factors",
              "circumstances of the fixture",
              "se",
              i.se(),
              "level",
              i.level(),
              "records",
              i.records(),
              "persons",
              i.persons(),
              "suppressed",
              i.persons() == null,
              "became_aware",
              aware == null ? null : aware.toString(),
              "art33_deadline",
              deadline == null ? null : deadline.toString(),
              "art33_deadline_passed",
              deadline == null ? null : deadline.isBefore(endOfRunDate),
              "art34_required",
              art34,
              "explanation",
              "SE " + i.se() + " " + i.level()));
    }
    return rows;
  }

  /** Categories per incident: {category, persons, verified, claimed, detected}. */
  private static final Map<String, long[][]> CATEGORIES =
      Map.of(
          "auchan-2024", new long[][] {{0, 340, 330, 12, 0}, {3, 200, 200, 0, 0}},
          "leroy-merlin-2025", new long[][] {{1, 290, 270, 25, 0}, {2, 250, 240, 10, 0}},
          "clinic-2025", new long[][] {{0, 120, 118, 0, 0}, {8, 110, 60, 0, 50}},
          "tiny-2025", new long[][] {{1, -1, -1, -1, -1}});

  private static final List<String> CODES =
      List.of(
          "IDENTITY",
          "CONTACT",
          "POSTAL_ADDRESS",
          "PURCHASE_HISTORY",
          "LOCATION",
          "CREDENTIALS",
          "GOVERNMENT_ID",
          "FINANCIAL",
          "HEALTH",
          "OTHER_SENSITIVE");

  private static List<Map<String, Object>> exposure() {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Long> leakTotals = Map.of("auchan-2024", 500_000L, "clinic-2025", 320_000L);
    // scope rows: brand Auchan, brand Leroy Merlin, group Mulliez; {customer_base, share of persons
    // who are customers}
    Object[][] scopes = {
      {"brand", "Auchan", 1000L, 0.30},
      {"brand", "Leroy Merlin", 800L, 0.20},
      {"group", null, 1600L, 0.40}
    };
    for (Incident i : INCIDENTS) {
      for (long[] c : CATEGORIES.get(i.id())) {
        boolean suppressed = c[1] < 0;
        for (Object[] s : scopes) {
          Long matched = suppressed ? null : Math.round(c[1] * (double) s[3]);
          Long sample = i.persons();
          Double share = matched == null || sample == null ? null : matched / (double) sample;
          Long leak = leakTotals.get(i.id());
          boolean estimated = leak != null && share != null;
          rows.add(
              row(
                  "incident_id",
                  i.id(),
                  "organisation",
                  i.organisation(),
                  "incident_brands",
                  i.brands(),
                  "incident_group",
                  i.group(),
                  "category",
                  CODES.get((int) c[0]),
                  "records",
                  suppressed ? null : c[1] + 7,
                  "persons",
                  suppressed ? null : c[1],
                  "persons_verified",
                  suppressed ? null : c[2],
                  "persons_claimed",
                  suppressed ? null : c[3],
                  "persons_detected",
                  suppressed ? null : c[4],
                  "customer_scope",
                  s[0],
                  "customer_brand",
                  s[1],
                  "customer_group",
                  MULLIEZ,
                  "matched_customers",
                  matched == null ? null : matched + 3,
                  "matched_persons",
                  matched,
                  "customer_base",
                  s[2],
                  "share_of_customer_base",
                  matched == null ? null : (matched + 3) / (double) (long) s[2],
                  "sample_persons",
                  sample,
                  "sample_share",
                  share,
                  "sample_share_low",
                  share == null ? null : Math.max(0, share - 0.05),
                  "sample_share_high",
                  share == null ? null : Math.min(1, share + 0.05),
                  "leak_total",
                  leak,
                  "leak_total_basis",
                  leak == null ? null : "claimed",
                  "estimated_exposed_customers",
                  estimated ? Math.round(leak * share) : null,
                  "estimated_exposed_customers_low",
                  estimated ? (long) Math.floor(leak * Math.max(0, share - 0.05)) : null,
                  "estimated_exposed_customers_high",
                  estimated ? (long) Math.ceil(leak * Math.min(1, share + 0.05)) : null,
                  "estimate_method",
                  estimated ? "leak_total x sample share, wilson_score_95" : null,
                  "german_tank_leak_size",
                  i.id().equals("auchan-2024") ? 510_000L : null,
                  "german_tank_low",
                  i.id().equals("auchan-2024") ? 505_000L : null,
                  "german_tank_high",
                  i.id().equals("auchan-2024") ? 530_000L : null,
                  "capture_recapture_leak_size",
                  i.id().equals("clinic-2025") ? 300_000L : null,
                  "capture_recapture_low",
                  i.id().equals("clinic-2025") ? 280_000L : null,
                  "capture_recapture_high",
                  i.id().equals("clinic-2025") ? 330_000L : null,
                  "suppressed",
                  suppressed));
        }
      }
    }
    return rows;
  }

  private static String level(int person) {
    return person < 24 ? "high" : person < 36 ? "medium" : "very high";
  }

  private static double se(int person) {
    return person < 24 ? 3.0 : person < 36 ? 2.5 : 5.0;
  }

  private static String pseudonym(String kind, int n) {
    return String.format("%s%021x", kind, n + 1);
  }

  private static List<Map<String, Object>> personExposure() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int p = 0; p < 40; p++) {
      boolean clinic = p >= 36;
      boolean both = !clinic && p % 3 == 0;
      List<String> incidents =
          clinic
              ? List.of("clinic-2025")
              : both ? List.of("auchan-2024", "leroy-merlin-2025") : List.of("auchan-2024");
      List<String> categories =
          clinic
              ? List.of("HEALTH", "IDENTITY")
              : both
                  ? List.of("CONTACT", "IDENTITY", "PURCHASE_HISTORY")
                  : List.of("IDENTITY", "PURCHASE_HISTORY");
      rows.add(
          row(
              "person_pseudonym",
              pseudonym("aaa", p),
              "incidents",
              incidents,
              "incident_count",
              incidents.size(),
              "categories",
              categories,
              "first_exposure",
              clinic ? "2025-11-28" : "2024-11-30",
              "last_exposure",
              both ? "2025-11-29" : clinic ? "2025-11-28" : "2024-11-30",
              "dpc",
              clinic ? 4 : 2,
              "ei",
              p >= 24 && p < 36 ? 0.75 : 1.0,
              "cb",
              1.0,
              "se",
              se(p),
              "level",
              level(p),
              "factors",
              "fixture factors"));
    }
    return rows;
  }

  private static List<Map<String, Object>> customerRisk() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int p = 0; p < 36; p++) {
      List<String> brands = p < 24 ? List.of("Auchan", "Leroy Merlin") : List.of("Auchan");
      for (String brand : brands) {
        rows.add(
            row(
                "customer_pseudonym",
                pseudonym(
                    brand.substring(0, 3).toLowerCase(java.util.Locale.ROOT).replace(' ', 'x'), p),
                "brand",
                brand,
                "person_pseudonym",
                pseudonym("aaa", p),
                "se",
                se(p),
                "level",
                level(p),
                "notify",
                !level(p).equals("medium")));
      }
    }
    return rows;
  }

  private static List<Map<String, Object>> incidentOverlap() {
    Object[][] pairs = {
      {"auchan-2024", "clinic-2025", 350L, 120L, 5L},
      {"auchan-2024", "leroy-merlin-2025", 350L, 300L, 80L},
      {"auchan-2024", "tiny-2025", 350L, 8L, 0L},
      {"clinic-2025", "leroy-merlin-2025", 120L, 300L, 0L},
      {"clinic-2025", "tiny-2025", 120L, 8L, 0L},
      {"leroy-merlin-2025", "tiny-2025", 300L, 8L, 0L}
    };
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object[] p : pairs) {
      long a = (long) p[2];
      long b = (long) p[3];
      long both = (long) p[4];
      long either = a + b - both;
      boolean small = (a > 0 && a < 10) || (b > 0 && b < 10) || (both > 0 && both < 10);
      rows.add(
          row(
              "incident_a",
              p[0],
              "incident_b",
              p[1],
              "persons_a",
              a,
              "persons_b",
              b,
              "persons_both",
              both,
              "persons_either",
              either,
              "jaccard",
              both / (double) either,
              "below_min_cell_size",
              small));
    }
    return rows;
  }

  private static List<Map<String, Object>> runSummary() {
    return List.of(
        row(
            "run_id",
            "run-1",
            "run_date",
            LATEST.toString(),
            "source",
            "all",
            "rows_in",
            1500L,
            "rows_out",
            1480L,
            "rows_quarantined",
            20L,
            "quarantine_by_reason",
            Map.of("TOO_FEW_FIELDS", 20L),
            "seconds",
            12.34,
            "stage",
            "ingest"),
        row(
            "run_id",
            "run-1",
            "run_date",
            LATEST.toString(),
            "source",
            "auchan-2024/part-1.csv",
            "rows_in",
            500L,
            "rows_out",
            490L,
            "rows_quarantined",
            10L,
            "quarantine_by_reason",
            Map.of("TOO_FEW_FIELDS", 10L),
            "seconds",
            3.0,
            "stage",
            "ingest"),
        row(
            "run_id",
            "run-1",
            "run_date",
            LATEST.toString(),
            "source",
            "all",
            "rows_in",
            1480L,
            "rows_out",
            600L,
            "rows_quarantined",
            0L,
            "seconds",
            20.5,
            "stage",
            "link"),
        row(
            "run_id",
            "run-1",
            "run_date",
            LATEST.toString(),
            "source",
            "all",
            "rows_in",
            1480L,
            "rows_out",
            900L,
            "rows_quarantined",
            0L,
            "seconds",
            8.25,
            "stage",
            "report"));
  }

  private static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  private static Dataset<Row> frame(
      SparkSession spark, ReportContracts.Contract contract, List<Map<String, Object>> rows) {
    StructType schema = new StructType();
    for (ReportContracts.Column c : contract.columns()) {
      schema = schema.add(c.name(), sparkType(c.type()), c.nullable());
    }
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      for (String name : r.keySet()) {
        if (!contract.has(name)) {
          throw new IllegalArgumentException(
              "fixture column " + name + " is not in the contract of " + contract.name());
        }
      }
      Object[] values = new Object[contract.columns().size()];
      for (int i = 0; i < values.length; i++) {
        ReportContracts.Column c = contract.columns().get(i);
        Object v = r.get(c.name());
        values[i] = v == null && !c.nullable() ? defaultValue(c.type()) : sparkValue(c.type(), v);
      }
      out.add(RowFactory.create(values));
    }
    return spark.createDataFrame(out, schema);
  }

  private static DataType sparkType(String type) {
    return switch (type) {
      case "string" -> DataTypes.StringType;
      case "bigint", "long" -> DataTypes.LongType;
      case "int" -> DataTypes.IntegerType;
      case "double" -> DataTypes.DoubleType;
      case "boolean" -> DataTypes.BooleanType;
      case "date" -> DataTypes.DateType;
      case "timestamp" -> DataTypes.TimestampType;
      case "array<string>" -> DataTypes.createArrayType(DataTypes.StringType);
      case "map<string,bigint>" ->
          DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType);
      default ->
          throw new IllegalArgumentException("contract type not handled by the fixture: " + type);
    };
  }

  private static Object defaultValue(String type) {
    return switch (type) {
      case "string" -> "-";
      case "bigint", "long" -> 0L;
      case "int" -> 0;
      case "double" -> 0.0;
      case "boolean" -> false;
      case "date" -> Date.valueOf(LATEST);
      case "array<string>" -> List.of();
      default -> throw new IllegalArgumentException("no default for a non-nullable " + type);
    };
  }

  private static Object sparkValue(String type, Object v) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case "bigint", "long" -> ((Number) v).longValue();
      case "int" -> ((Number) v).intValue();
      case "double" -> ((Number) v).doubleValue();
      case "date" -> Date.valueOf(LocalDate.parse((String) v));
      case "timestamp" -> Timestamp.from(Instant.parse((String) v));
      case "map<string,bigint>" -> ScalaMaps.of((Map<?, ?>) v);
      default -> v;
    };
  }
}
