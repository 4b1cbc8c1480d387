package fr.breachimpact.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Per-incident estimates of the leak's size that need no customer data: the German-tank estimate
 * over sequential account ids that look randomly sampled, and capture-recapture (Chapman, Chao's
 * log-normal interval) over the first two files of an incident whose manifest declares them
 * independent samples, when they share at least {@link LeakEstimates#MIN_SHARED} persons. Where an
 * estimate is not made, its note column says why.
 */
public final class IncidentEstimates {
  public static final StructType SCHEMA =
      new StructType()
          .add("incident_id", DataTypes.StringType, false)
          .add("german_tank_leak_size", DataTypes.LongType, true)
          .add("german_tank_low", DataTypes.LongType, true)
          .add("german_tank_high", DataTypes.LongType, true)
          .add("german_tank_note", DataTypes.StringType, true)
          .add("capture_recapture_leak_size", DataTypes.LongType, true)
          .add("capture_recapture_low", DataTypes.LongType, true)
          .add("capture_recapture_high", DataTypes.LongType, true)
          .add("capture_recapture_note", DataTypes.StringType, true);

  private IncidentEstimates() {}

  /** Small aggregates are collected to the driver; the result has one row per incident. */
  public static Dataset<Row> build(
      SparkSession spark, Dataset<Row> prepared, List<IncidentInfo> incidents) {
    Map<String, long[]> tank = new HashMap<>();
    List<String> sequential = new ArrayList<>();
    for (IncidentInfo i : incidents) {
      if (Boolean.TRUE.equals(i.manifest().sequentialAccountIds())) {
        sequential.add(i.id());
      }
    }
    if (!sequential.isEmpty()) {
      Dataset<Row> ids =
          prepared
              .where(col("incident_id").isin(sequential.toArray()))
              .where(col("account_id").rlike("^\\s*[0-9]{1,18}\\s*$"))
              .select(col("incident_id"), numericAccountId());
      for (Row r :
          ids.where(col("id").gt(0L))
              .groupBy("incident_id")
              .agg(max("id").as("m"), countDistinct("id").as("k"), min("id").as("l"))
              .collectAsList()) {
        tank.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
      }
    }
    Map<String, long[]> capture = captureCounts(prepared, incidents);
    List<Row> rows = new ArrayList<>();
    for (IncidentInfo i : incidents) {
      Long gt = null, gtLow = null, gtHigh = null, cr = null, crLow = null, crHigh = null;
      String gtNote = null;
      long[] mk = tank.get(i.id());
      if (!sequential.contains(i.id())) {
        gtNote = "not declared: the manifest does not set sequential_account_ids";
      } else if (mk == null) {
        gtNote = "not applicable: no numeric account_id in the sample";
      } else {
        gtNote = LeakEstimates.germanTankNotApplicable(mk[2], mk[0], mk[1]);
      }
      if (gtNote == null) {
        LeakEstimates.Interval e = LeakEstimates.germanTank(mk[0], mk[1]);
        gt = Math.round(e.estimate());
        gtLow = (long) Math.floor(e.low());
        gtHigh = (long) Math.ceil(e.high());
      }
      String crNote;
      long[] c = capture.get(i.id());
      if (!Boolean.TRUE.equals(i.manifest().independentSamples())) {
        crNote = "not declared: the manifest does not declare its files independent samples";
      } else if (c == null) {
        crNote = "not applicable: the first two files of the manifest have no records in the lake";
      } else if (c[2] < LeakEstimates.MIN_SHARED) {
        // The count itself is not written: it may be a handful of persons.
        crNote =
            "not applicable: fewer than "
                + LeakEstimates.MIN_SHARED
                + " persons shared by the two samples";
      } else {
        crNote = null;
        LeakEstimates.Interval e = LeakEstimates.chapman(c[0], c[1], c[2]);
        cr = Math.round(e.estimate());
        crLow = (long) Math.floor(e.low());
        crHigh = (long) Math.ceil(e.high());
      }
      rows.add(RowFactory.create(i.id(), gt, gtLow, gtHigh, gtNote, cr, crLow, crHigh, crNote));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static Column numericAccountId() {
    return org.apache.spark.sql.functions.trim(col("account_id")).cast("long").as("id");
  }

  /**
   * n1, n2 and shared persons of the first two files of each incident that declares its files
   * independent samples, in the manifest's order. Incidents without the declaration are not read.
   */
  private static Map<String, long[]> captureCounts(
      Dataset<Row> prepared, List<IncidentInfo> incidents) {
    Map<String, long[]> result = new HashMap<>();
    for (IncidentInfo i : incidents) {
      if (!Boolean.TRUE.equals(i.manifest().independentSamples())
          || i.manifest().files().size() < 2) {
        continue;
      }
      String f1 = i.manifest().files().get(0).path();
      String f2 = i.manifest().files().get(1).path();
      Dataset<Row> incident =
          prepared
              .where(col("incident_id").equalTo(i.id()).and(col("source_file").isin(f1, f2)))
              .select("source_file", "person_id")
              .distinct();
      Dataset<Row> perPerson =
          incident
              .groupBy("person_id")
              .agg(
                  max(when(col("source_file").equalTo(f1), 1L).otherwise(0L)).as("in1"),
                  max(when(col("source_file").equalTo(f2), 1L).otherwise(0L)).as("in2"));
      Row r = perPerson.agg(sum("in1"), sum("in2"), sum(col("in1").multiply(col("in2")))).first();
      if (r.isNullAt(0) || r.getLong(0) == 0 || r.getLong(1) == 0) {
        continue;
      }
      result.put(i.id(), new long[] {r.getLong(0), r.getLong(1), r.getLong(2)});
    }
    return result;
  }
}
