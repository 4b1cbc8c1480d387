package fr.breachimpact.resolve;

import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.link.Comparison;
import fr.breachimpact.link.ExpectationMaximisation;
import fr.breachimpact.link.FellegiSunterModel;
import fr.breachimpact.link.ModelDefinition;

import fr.breachimpact.spark.TestSpark;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Tiny input frames with the columns docs/tables.md promises, built from readable identities. */
final class Fixtures {
  /** The shipped deduplication model. */
  static final ModelDefinition DEDUPE =
      ModelDefinition.forDedupe(ModelSettings.dedupeDefaults(), "default", "resolve.model");

  /**
   * A hand-set model over {@link #DEDUPE}'s comparisons, for tests of the graph and the ids: a
   * few dozen parties are too few to train one. m is EM's starting point (the strongest level
   * likeliest among matches); u gives an exact agreement one chance in a thousand, a partial one
   * one in two hundred; prior one in a hundred thousand, so that names and a postcode alone (about
   * 4 bits with this small population's name frequencies) stay below the 0.99 threshold, as a
   * "Jean Martin, 75011" does in a real population, while a shared key with the names links.
   */
  static final FellegiSunterModel MODEL = handSet();

  private static FellegiSunterModel handSet() {
    List<Comparison> comparisons = DEDUPE.comparisons();
    double[][] u = new double[comparisons.size()][];
    for (int f = 0; f < comparisons.size(); f++) {
      int n = comparisons.get(f).levels().size();
      u[f] = new double[n];
      double rest = 1;
      for (int l = 0; l < n - 1; l++) {
        u[f][l] = l == 0 ? 0.001 : 0.005;
        rest -= u[f][l];
      }
      u[f][n - 1] = rest;
    }
    return new FellegiSunterModel(comparisons, ExpectationMaximisation.initialM(comparisons), u, 1e-5, 0);
  }

  static final StructType RECORDS =
      identityColumns(
          new StructType()
              .add("record_id", DataTypes.StringType)
              .add("incident_id", DataTypes.StringType));
  static final StructType CUSTOMERS =
      identityColumns(
          new StructType()
              .add("customer_id", DataTypes.StringType)
              .add("brand", DataTypes.StringType)
              .add("group_name", DataTypes.StringType));
  static final StructType MATCHES =
      new StructType()
          .add("record_id", DataTypes.StringType)
          .add("incident_id", DataTypes.StringType)
          .add("customer_id", DataTypes.StringType)
          .add("brand", DataTypes.StringType)
          .add("method", DataTypes.StringType)
          .add("match_weight", DataTypes.DoubleType)
          .add("match_probability", DataTypes.DoubleType);

  private Fixtures() {}

  private static StructType identityColumns(StructType ids) {
    return ids.add("first_name_key", DataTypes.StringType)
        .add("last_name_key", DataTypes.StringType)
        .add("birth_date_norm", DataTypes.DateType)
        .add("email_key", DataTypes.StringType)
        .add("email_valid", DataTypes.BooleanType)
        .add("phone_e164", DataTypes.StringType)
        .add("phone_valid", DataTypes.BooleanType)
        .add("postcode_norm", DataTypes.StringType)
        .add("department", DataTypes.StringType)
        .add("city_key", DataTypes.StringType)
        .add("nir_norm", DataTypes.StringType)
        .add("nir_valid", DataTypes.BooleanType)
        .add("loyalty_id_norm", DataTypes.StringType);
  }

  /** One identity as a source shows it; null fields are absent. */
  record Ident(
      String first, String last, String birthDate, String email, String phone, String postcode) {

    Ident withEmail(String value) {
      return new Ident(first, last, birthDate, value, phone, postcode);
    }

    Ident withPhone(String value) {
      return new Ident(first, last, birthDate, email, value, postcode);
    }

    Ident withFirst(String value) {
      return new Ident(value, last, birthDate, email, phone, postcode);
    }

    Ident withBirthDate(String value) {
      return new Ident(first, last, value, email, phone, postcode);
    }

    Row record(String recordId, String incidentId) {
      return RowFactory.create(concat(new Object[] {recordId, incidentId}, identity()));
    }

    Row customer(String customerId, String brand, String group) {
      return RowFactory.create(concat(new Object[] {customerId, brand, group}, identity()));
    }

    private Object[] identity() {
      return new Object[] {
        first, last, birthDate == null ? null : Date.valueOf(birthDate),
        email, email == null ? null : true,
        phone, phone == null ? null : true,
        postcode, postcode == null ? null : postcode.substring(0, 2),
        null, null, null, null
      };
    }

    private static Object[] concat(Object[] a, Object[] b) {
      Object[] out = new Object[a.length + b.length];
      System.arraycopy(a, 0, out, 0, a.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }

  static Row match(String recordId, String incidentId, String customerId, String brand) {
    return RowFactory.create(recordId, incidentId, customerId, brand, "email", 20.0, 0.999);
  }

  static Dataset<Row> records(List<Row> rows) {
    return TestSpark.session().createDataFrame(rows, RECORDS);
  }

  static Dataset<Row> customers(List<Row> rows) {
    return TestSpark.session().createDataFrame(rows, CUSTOMERS);
  }

  static Dataset<Row> matches(List<Row> rows) {
    return TestSpark.session().createDataFrame(rows, MATCHES);
  }
}
