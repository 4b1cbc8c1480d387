package fr.breachimpact.report;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import fr.breachimpact.spark.Tables;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code incident_severity}: ENISA SE per incident, each term with its factors, and the GDPR
 * deadlines. The breach is assessed at its worst, as ENISA does for DPC: the highest category base,
 * and the highest EI that any of its records reaches (the factors say how many records reach it).
 * Spark aggregates; the scoring itself is the plain Java of this package.
 */
public final class IncidentSeverityReport {
  public static final String NAME = Tables.INCIDENT_SEVERITY;

  public static final StructType SCHEMA =
      new StructType()
          .add("incident_id", DataTypes.StringType, false)
          .add("organisation", DataTypes.StringType, true)
          .add("dpc", DataTypes.IntegerType, false)
          .add("dpc_factors", DataTypes.StringType, false)
          .add("dpc_category", DataTypes.StringType, true)
          .add("dpc_detected_records", DataTypes.LongType, true)
          .add("ei", DataTypes.DoubleType, false)
          .add("ei_factors", DataTypes.StringType, false)
          .add("cb", DataTypes.DoubleType, false)
          .add("cb_factors", DataTypes.StringType, false)
          .add("se", DataTypes.DoubleType, false)
          .add("level", DataTypes.StringType, false)
          .add("records", DataTypes.LongType, true)
          .add("persons", DataTypes.LongType, true)
          .add("suppressed", DataTypes.BooleanType, false)
          .add("became_aware", DataTypes.TimestampType, true)
          .add("art33_deadline", DataTypes.TimestampType, true)
          .add("art33_deadline_passed", DataTypes.BooleanType, true)
          .add("art34_required", DataTypes.BooleanType, false)
          .add("explanation", DataTypes.StringType, false);

  private IncidentSeverityReport() {}

  /** One incident's aggregates, collected from Spark. */
  record IncidentCounts(
      long records,
      long persons,
      Map<String, CategoryEvidence> categories,
      TreeMap<Integer, long[]> eiRules) {}

  public static Dataset<Row> build(
      SparkSession spark,
      Dataset<Row> prepared,
      Dataset<Row> incidentTotals,
      Dataset<Row> categoryCounts,
      List<IncidentInfo> incidents,
      Instant assessedAt,
      int minCellSize) {
    Map<String, IncidentCounts> counts = collect(prepared, incidentTotals, categoryCounts);
    List<Row> rows = new ArrayList<>();
    for (IncidentInfo info : incidents) {
      IncidentCounts c = counts.get(info.id());
      if (c == null) {
        continue; // an incident without records in the lake has nothing to score yet
      }
      DataProcessingContext.Score dpc =
          DataProcessingContext.score(
              c.categories().values(), info.manifest().contextAdjustments(), minCellSize);
      boolean small =
          Suppression.isSmall(c.persons(), minCellSize)
              || Suppression.isSmall(c.records(), minCellSize);
      SeverityScore score = score(info, c, dpc, minCellSize, small);
      OffsetDateTime aware = info.becameAware();
      OffsetDateTime deadline = aware == null ? null : aware.plusHours(72);
      Boolean passed = deadline == null ? null : passed(deadline.toInstant(), assessedAt);
      rows.add(
          RowFactory.create(
              info.id(),
              info.manifest().organisation(),
              score.dpc(),
              score.dpcFactors(),
              dpc.category(),
              dpc.detectedRecords(),
              score.ei(),
              score.eiFactors(),
              score.cb(),
              score.cbFactors(),
              score.se(),
              score.level().label(),
              small ? null : c.records(),
              small ? null : c.persons(),
              small,
              IncidentInfo.timestamp(aware),
              IncidentInfo.timestamp(deadline),
              passed,
              score.level().requiresNotification(),
              score.explanation()));
    }
    rows.sort(Comparator.comparing(r -> r.getString(0)));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * The report of a later date from the rows of an earlier one whose inputs did not change: the
   * scores, counts and deadlines are the same, and only whether each art. 33 deadline has passed is
   * judged again, at {@code assessedAt}.
   */
  public static Dataset<Row> reassessed(
      SparkSession spark, Dataset<Row> earlier, Instant assessedAt) {
    int deadline = SCHEMA.fieldIndex("art33_deadline");
    int passed = SCHEMA.fieldIndex("art33_deadline_passed");
    List<Row> rows = new ArrayList<>();
    for (Row r : earlier.selectExpr(SCHEMA.fieldNames()).collectAsList()) {
      Object[] values = new Object[SCHEMA.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i);
      }
      Timestamp t = (Timestamp) values[deadline];
      values[passed] = t == null ? null : passed(t.toInstant(), assessedAt);
      rows.add(RowFactory.create(values));
    }
    rows.sort(Comparator.comparing(r -> r.getString(0)));
    return spark.createDataFrame(rows, SCHEMA);
  }

  // Instants, not days: a deadline at 07:15 has not passed for a run at 02:00 the same day.
  private static boolean passed(Instant deadline, Instant assessedAt) {
    return !deadline.isAfter(assessedAt);
  }

  /**
   * The instant the art. 33 deadlines are judged at: the run's own instant, kept within its run
   * date (UTC). A run of a past date (a re-run, a backfill) is judged at the end of that date, a
   * run of a date still to come at its start.
   */
  public static Instant assessedAt(LocalDate runDate, Instant now) {
    Instant start = runDate.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = runDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000);
    return now.isBefore(start) ? start : now.isAfter(end) ? end : now;
  }

  /**
   * @param suppressed the row's counts are hidden: the factors then name no total either, and a
   *     count below k is written "fewer than k", so that the text gives back no hidden cell
   */
  static SeverityScore score(
      IncidentInfo info,
      IncidentCounts c,
      DataProcessingContext.Score dpc,
      int k,
      boolean suppressed) {
    Map.Entry<Integer, long[]> top = c.eiRules().firstEntry();
    IdentificationEase.Rule rule =
        IdentificationEase.RULES.get(
            top == null ? IdentificationEase.RULES.size() - 1 : top.getKey());
    String eiFactors = IdentificationEase.describe(rule);
    if (top != null) {
      long reach = top.getValue()[0];
      String count = Suppression.isSmall(reach, k) ? "fewer than " + k : Long.toString(reach);
      eiFactors +=
          suppressed
              ? " in " + count + " records"
              : " in " + count + " of " + c.records() + " records";
    }
    return SeverityScore.of(dpc, rule, eiFactors, info.cb());
  }

  private static Map<String, IncidentCounts> collect(
      Dataset<Row> prepared, Dataset<Row> incidentTotals, Dataset<Row> categoryCounts) {
    Map<String, long[]> totals = new HashMap<>();
    for (Row r : incidentTotals.select("incident_id", "records", "persons").collectAsList()) {
      totals.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    Map<String, Map<String, CategoryEvidence>> cats = new HashMap<>();
    for (Row r :
        categoryCounts
            .select(
                "incident_id",
                "category",
                "persons_verified",
                "persons_claimed",
                "persons_detected",
                "records_detected")
            .collectAsList()) {
      cats.computeIfAbsent(r.getString(0), x -> new TreeMap<>())
          .put(
              r.getString(1),
              new CategoryEvidence(
                  r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
    }
    Map<String, TreeMap<Integer, long[]>> rules = new HashMap<>();
    for (Row r : prepared.groupBy("incident_id", "ei_rule").agg(count(lit(1))).collectAsList()) {
      rules
          .computeIfAbsent(r.getString(0), x -> new TreeMap<>())
          .put(r.getInt(1), new long[] {r.getLong(2)});
    }
    Map<String, IncidentCounts> result = new HashMap<>();
    totals.forEach(
        (id, t) ->
            result.put(
                id,
                new IncidentCounts(
                    t[0],
                    t[1],
                    cats.getOrDefault(id, Map.of()),
                    rules.getOrDefault(id, new TreeMap<>()))));
    return result;
  }
}
