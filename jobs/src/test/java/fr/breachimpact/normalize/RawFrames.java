package fr.breachimpact.normalize;

import fr.breachimpact.ingest.CanonicalField;
import fr.breachimpact.spark.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Tiny in-memory raw frames shaped like leaked_records (docs/tables.md, stage 1). */
public final class RawFrames {
  private RawFrames() {}

  public static StructType leakedSchema() {
    StructType schema =
        new StructType()
            .add("record_id", DataTypes.StringType)
            .add("incident_id", DataTypes.StringType);
    for (CanonicalField f : CanonicalField.values()) {
      schema = schema.add(f.columnName(), DataTypes.StringType);
    }
    return schema
        .add("extra", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
        .add(
            "extra_categories",
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
  }

  /** One row per map (column name -> value); missing columns are null. */
  public static Dataset<Row> frame(StructType schema, List<Map<String, Object>> rows) {
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> values : rows) {
      Object[] cells = new Object[schema.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = values.get(schema.fields()[i].name());
      }
      for (String name : values.keySet()) {
        schema.fieldIndex(name); // fails on a column the schema lacks: a typo in a fixture
      }
      out.add(RowFactory.create(cells));
    }
    return TestSpark.session().createDataFrame(out, schema);
  }

  public static Dataset<Row> leaked(List<Map<String, Object>> rows) {
    return frame(leakedSchema(), rows);
  }
}
