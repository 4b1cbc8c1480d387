package fr.breachimpact.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
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
 * Per-incident estimates of the leak's size that need no customer data: the German-tank
 * estimate over sequential account ids, and capture-recapture (Chapman) where an incident has
 * two files whose persons partly overlap (two independently obtained samples of one leak).
 */
public final class IncidentEstimates {
  public static final StructType SCHEMA =
      new StructType()
          .add("incident_id", DataTypes.StringType, false)
          .add("german_tank_leak_size", DataTypes.LongType, true)
          .add("german_tank_low", DataTypes.LongType, true)
          .add("german_tank_high", DataTypes.LongType, true)
          .add("capture_recapture_leak_size", DataTypes.LongType, true)
          .add("capture_recapture_low", DataTypes.LongType, true)
          .add("capture_recapture_high", DataTypes.LongType, true);

  private IncidentEstimates() {}

  /** Small aggregates are collected to the driver; the result has one row per incident. */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> prepared, List<IncidentInfo> incidents) {
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
      for (Row r : ids.groupBy("incident_id").agg(max("id").as("m"), countDistinct("id").as("k")).collectAsList()) {
        tank.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
      }
    }
    Map<String, long[]> capture = captureCounts(prepared);
    List<Row> rows = new ArrayList<>();
    for (IncidentInfo i : incidents) {
      Long gt = null, gtLow = null, gtHigh = null, cr = null, crLow = null, crHigh = null;
      long[] mk = tank.get(i.id());
      if (mk != null && mk[1] > 0 && mk[0] >= mk[1]) {
        LeakEstimates.Interval e = LeakEstimates.germanTank(mk[0], mk[1]);
        gt = Math.round(e.estimate());
        gtLow = (long) Math.floor(e.low());
        gtHigh = (long) Math.ceil(e.high());
      }
      long[] c = capture.get(i.id());
      if (c != null && c[2] > 0) {
        LeakEstimates.Interval e = LeakEstimates.chapman(c[0], c[1], c[2]);
        cr = Math.round(e.estimate());
        crLow = (long) Math.floor(e.low());
        crHigh = (long) Math.ceil(e.high());
      }
      rows.add(RowFactory.create(i.id(), gt, gtLow, gtHigh, cr, crLow, crHigh));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static org.apache.spark.sql.Column numericAccountId() {
    return org.apache.spark.sql.functions.trim(col("account_id")).cast("long").as("id");
  }

  /**
   * n1, n2 and shared persons of the first two source files of each incident (by name). Only
   * incidents with two or more files; files of an incident that share no person are parts of
   * one dump, not independent samples, and get no estimate.
   */
  private static Map<String, long[]> captureCounts(Dataset<Row> prepared) {
    Dataset<Row> filePersons =
        prepared.where(col("source_file").isNotNull()).select("incident_id", "source_file", "person_id").distinct();
    Map<String, TreeMap<String, Long>> files = new HashMap<>();
    for (Row r : filePersons.groupBy("incident_id", "source_file").count().collectAsList()) {
      files.computeIfAbsent(r.getString(0), x -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
    }
    Map<String, long[]> result = new HashMap<>();
    for (Map.Entry<String, TreeMap<String, Long>> e : files.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      String f1 = e.getValue().firstKey();
      String f2 = e.getValue().higherKey(f1);
      Dataset<Row> incident = filePersons.where(col("incident_id").equalTo(e.getKey()));
      long shared =
          incident.where(col("source_file").equalTo(f1)).select("person_id")
              .intersect(incident.where(col("source_file").equalTo(f2)).select("person_id"))
              .count();
      result.put(e.getKey(), new long[] {e.getValue().get(f1), e.getValue().get(f2), shared});
    }
    return result;
  }
}
