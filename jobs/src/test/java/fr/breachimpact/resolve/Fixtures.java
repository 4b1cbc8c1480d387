package fr.breachimpact.resolve;

import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.link.Comparison;
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

  /** Comparisons of identifiers, whose exact agreement weighs most in {@link #MODEL}. */
  private static final java.util.Set<String> IDENTIFIERS =
      java.util.Set.of(
          "email",
          "phone",
          "nir",
          "passport",
          "id_card",
          "france_travail_id",
          "professional_id",
          "other_id");

  /**
   * A hand-set model over {@link #DEDUPE}'s comparisons, for tests of the graph and the ids: a few
   * dozen parties are too few to train one. Weights in bits: an identifier's exact agreement
   * (email, phone, NIR, ...) 14, any other comparison's strongest level 10, a partial level 6,
   * {@code else} -3; names weigh by their frequency among the parties (m 0.9 over it); prior 2^-16.
   * So names and a postcode alone stay below the 0.9 threshold ("Jean Martin, 75011" is not a
   * person), and a shared key with the names links.
   */
  static final FellegiSunterModel MODEL = handSet();

  private static FellegiSunterModel handSet() {
    List<Comparison> comparisons = DEDUPE.comparisons();
    double[][] m = new double[comparisons.size()][];
    double[][] u = new double[comparisons.size()][];
    for (int f = 0; f < comparisons.size(); f++) {
      int n = comparisons.get(f).levels().size();
      m[f] = new double[n];
      u[f] = new double[n];
      for (int l = 0; l < n; l++) {
        m[f][l] = l == 0 ? 0.9 : 0.1 / (n - 1);
        double bits =
            l == n - 1
                ? -3
                : l > 0 ? 6 : IDENTIFIERS.contains(comparisons.get(f).field()) ? 14 : 10;
        u[f][l] = m[f][l] / Math.pow(2, bits);
      }
    }
    return new FellegiSunterModel(comparisons, m, u, Math.pow(2, -16), 0);
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
        first,
        last,
        birthDate == null ? null : Date.valueOf(birthDate),
        email,
        email == null ? null : true,
        phone,
        phone == null ? null : true,
        postcode,
        postcode == null ? null : postcode.substring(0, 2),
        null,
        null,
        null,
        null
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
