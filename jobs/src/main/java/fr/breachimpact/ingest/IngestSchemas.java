package fr.breachimpact.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark schemas of the ingest stage's tables (docs/tables.md). */
public final class IngestSchemas {
  private static final DataType STRING_MAP =
      DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);

  private IngestSchemas() {}

  /** Every row of every file, accepted or not: what the executors produce. */
  public static StructType outcomes() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("incident_id", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("source_file", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("file_sha256", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("line_number", DataTypes.LongType, false));
    fields.add(DataTypes.createStructField("accepted", DataTypes.BooleanType, false));
    for (CanonicalField f : CanonicalField.values()) {
      fields.add(DataTypes.createStructField(f.columnName(), DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField("extra", STRING_MAP, true));
    fields.add(DataTypes.createStructField("extra_categories", STRING_MAP, true));
    fields.add(DataTypes.createStructField("raw_text", DataTypes.StringType, true));
    fields.add(DataTypes.createStructField("reason", DataTypes.StringType, true));
    fields.add(DataTypes.createStructField("detail", DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }

  /** Column order of {@code leaked_records}. */
  public static List<String> leakedRecordColumns() {
    List<String> cols =
        new ArrayList<>(
            List.of("record_id", "incident_id", "source_file", "file_sha256", "line_number"));
    for (CanonicalField f : CanonicalField.values()) {
      cols.add(f.columnName());
    }
    cols.add("extra");
    cols.add("extra_categories");
    return cols;
  }

  public static List<String> quarantineColumns() {
    return List.of(
        "incident_id", "source_file", "file_sha256", "line_number", "raw_text", "reason", "detail");
  }
}
