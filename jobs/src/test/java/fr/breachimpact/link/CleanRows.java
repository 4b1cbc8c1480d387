package fr.breachimpact.link;

import fr.breachimpact.spark.TestSpark;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds tiny {@code leaked_records_clean} and {@code customers_clean} frames carrying only the
 * normalised columns of docs/tables.md that the linkage reads. Validity flags follow presence.
 */
final class CleanRows {
  private final List<Row> rows = new ArrayList<>();
  private final boolean customers;

  private CleanRows(boolean customers) {
    this.customers = customers;
  }

  static CleanRows leaked() {
    return new CleanRows(false);
  }

  static CleanRows customers() {
    return new CleanRows(true);
  }

  /** One row; id is record_id or customer_id, scope is incident_id or brand. */
  CleanRows add(Rec r) {
    rows.add(
        RowFactory.create(
            r.id,
            r.scope,
            r.first,
            r.last,
            r.birth == null ? null : Date.valueOf(r.birth),
            r.postcode,
            r.postcode == null ? null : r.postcode.substring(0, 2),
            r.city,
            r.street,
            r.email,
            r.email == null ? null : Boolean.TRUE,
            r.phone,
            r.phone == null ? null : Boolean.TRUE,
            r.loyalty,
            r.nir,
            r.nir == null ? null : Boolean.TRUE));
    return this;
  }

  Dataset<Row> frame() {
    return TestSpark.session().createDataFrame(rows, schema(customers));
  }

  static StructType schema(boolean customers) {
    List<StructField> f = new ArrayList<>();
    f.add(
        DataTypes.createStructField(
            customers ? "customer_id" : "record_id", DataTypes.StringType, false));
    f.add(
        DataTypes.createStructField(
            customers ? "brand" : "incident_id", DataTypes.StringType, false));
    for (String c : List.of("first_name_key", "last_name_key")) {
      f.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    f.add(DataTypes.createStructField("birth_date_norm", DataTypes.DateType, true));
    for (String c : List.of("postcode_norm", "department", "city_key", "street_key", "email_key")) {
      f.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    f.add(DataTypes.createStructField("email_valid", DataTypes.BooleanType, true));
    f.add(DataTypes.createStructField("phone_e164", DataTypes.StringType, true));
    f.add(DataTypes.createStructField("phone_valid", DataTypes.BooleanType, true));
    f.add(DataTypes.createStructField("loyalty_id_norm", DataTypes.StringType, true));
    f.add(DataTypes.createStructField("nir_norm", DataTypes.StringType, true));
    f.add(DataTypes.createStructField("nir_valid", DataTypes.BooleanType, true));
    return new StructType(f.toArray(new StructField[0]));
  }

  /** A mutable row under construction, fluent to keep fixtures readable. */
  static final class Rec {
    final String id;
    final String scope;
    String first;
    String last;
    String birth;
    String postcode;
    String city;
    String street;
    String email;
    String phone;
    String loyalty;
    String nir;

    private Rec(String id, String scope) {
      this.id = id;
      this.scope = scope;
    }

    static Rec of(String id, String scope) {
      return new Rec(id, scope);
    }

    Rec name(String first, String last) {
      this.first = first;
      this.last = last;
      return this;
    }

    Rec born(String isoDate) {
      this.birth = isoDate;
      return this;
    }

    Rec lives(String postcode, String city) {
      this.postcode = postcode;
      this.city = city;
      return this;
    }

    Rec street(String street) {
      this.street = street;
      return this;
    }

    Rec email(String email) {
      this.email = email;
      return this;
    }

    Rec phone(String phone) {
      this.phone = phone;
      return this;
    }

    Rec loyalty(String loyalty) {
      this.loyalty = loyalty;
      return this;
    }

    Rec nir(String nir) {
      this.nir = nir;
      return this;
    }
  }
}
