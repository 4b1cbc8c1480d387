package fr.breachimpact.report;

import fr.breachimpact.config.IncidentManifest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * What the reports take from an incident's manifest, with its CB already scored.
 *
 * @param source the manifest's path, named in error lines
 */
public record IncidentInfo(
    String id, IncidentManifest manifest, String source, CircumstancesScore.Score cb) {

  public static IncidentInfo of(String id, IncidentManifest manifest, String source) {
    return new IncidentInfo(
        id, manifest, source, CircumstancesScore.score(manifest.circumstances(), source));
  }

  public int dpcAdjustment() {
    return DataProcessingContext.adjustment(manifest.contextAdjustments());
  }

  public OffsetDateTime becameAware() {
    return manifest.dates() == null ? null : manifest.dates().becameAware();
  }

  /** The date the breach happened; the date of awareness when the manifest does not know it. */
  public LocalDate occurred() {
    if (manifest.dates() == null) {
      return null;
    }
    if (manifest.dates().occurred() != null) {
      return manifest.dates().occurred();
    }
    return becameAware() == null ? null : becameAware().toLocalDate();
  }

  /** The attackers' claimed total first (the leak as it circulates), else the notified one. */
  public Long leakTotal() {
    return manifest.claimedTotalAffected() != null
        ? manifest.claimedTotalAffected()
        : manifest.notifiedTotalAffected();
  }

  public String leakTotalBasis() {
    if (manifest.claimedTotalAffected() != null) {
      return "claimed";
    }
    return manifest.notifiedTotalAffected() != null ? "notified" : null;
  }

  public static final StructType SCHEMA =
      new StructType()
          .add("incident_id", DataTypes.StringType, false)
          .add("organisation", DataTypes.StringType, true)
          .add("incident_brands", DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add("incident_group", DataTypes.StringType, true)
          .add("occurred", DataTypes.DateType, true)
          .add("dpc_adjustment", DataTypes.IntegerType, false)
          .add("cb", DataTypes.DoubleType, false)
          .add("cb_factors", DataTypes.StringType, false)
          .add("leak_total", DataTypes.LongType, true)
          .add("leak_total_basis", DataTypes.StringType, true)
          .add("sequential_account_ids", DataTypes.BooleanType, false);

  /** The incidents as a small frame the report builders join with. */
  public static Dataset<Row> frame(SparkSession spark, Collection<IncidentInfo> incidents) {
    List<Row> rows = new ArrayList<>();
    for (IncidentInfo i : incidents) {
      IncidentManifest m = i.manifest();
      rows.add(
          RowFactory.create(
              i.id(),
              m.organisation(),
              JavaConverters.asScalaBufferConverter(new ArrayList<>(m.brands())).asScala().toSeq(),
              m.group(),
              i.occurred() == null ? null : Date.valueOf(i.occurred()),
              i.dpcAdjustment(),
              i.cb().cb(),
              i.cb().factors(),
              i.leakTotal(),
              i.leakTotalBasis(),
              Boolean.TRUE.equals(m.sequentialAccountIds())));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  static Timestamp timestamp(OffsetDateTime t) {
    return t == null ? null : Timestamp.from(t.toInstant());
  }
}
