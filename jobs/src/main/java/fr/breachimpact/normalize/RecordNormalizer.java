package fr.breachimpact.normalize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import fr.breachimpact.spark.Columns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stage 2a: adds the normalised columns of docs/tables.md ("Stage 2") to a frame carrying raw
 * canonical columns (leaked_records or customers). Raw columns the frame lacks (customers carry no
 * IBAN) count as null; every output column is always there, so both tables share a schema for the
 * columns linkage reads. The input columns are kept unchanged.
 *
 * <p>Built-in column functions for what they express (gender, loyalty id, password kind); UDFs
 * where a library is needed. The library objects (PhoneNumberUtil, validators, patterns) are static
 * singletons, created once per executor JVM, never per row. Every function is pure and null-safe,
 * so the output depends only on each row and the reference date (for two-digit years and "born in
 * the future"), never on partitioning.
 */
public final class RecordNormalizer {
  /** Columns this stage adds, in output order. */
  public static final List<String> OUTPUT_COLUMNS =
      List.of(
          "first_name_display",
          Columns.FIRST_NAME_KEY,
          "last_name_display",
          Columns.LAST_NAME_KEY,
          Columns.BIRTH_DATE_NORM,
          Columns.BIRTH_DATE_VALID,
          Columns.GENDER_NORM,
          Columns.EMAIL_NORM,
          Columns.EMAIL_KEY,
          Columns.EMAIL_VALID,
          Columns.PHONE_E164,
          "phone_type",
          Columns.PHONE_VALID,
          Columns.POSTCODE_NORM,
          Columns.DEPARTMENT,
          Columns.POSTCODE_VALID,
          Columns.CITY_KEY,
          Columns.STREET_KEY,
          Columns.NIR_NORM,
          Columns.NIR_VALID,
          "nir_consistent",
          "iban_valid",
          "card_valid",
          "card_issuer",
          "password_kind",
          Columns.LOYALTY_ID_NORM);

  private static final StructType NAMES =
      new StructType()
          .add("first_display", DataTypes.StringType)
          .add("first_key", DataTypes.StringType)
          .add("last_display", DataTypes.StringType)
          .add("last_key", DataTypes.StringType);
  private static final StructType DATE =
      new StructType().add("date", DataTypes.DateType).add("valid", DataTypes.BooleanType);
  private static final StructType EMAIL =
      new StructType()
          .add("norm", DataTypes.StringType)
          .add("key", DataTypes.StringType)
          .add("valid", DataTypes.BooleanType);
  private static final StructType PHONE =
      new StructType()
          .add("e164", DataTypes.StringType)
          .add("type", DataTypes.StringType)
          .add("valid", DataTypes.BooleanType);
  private static final StructType POSTCODE =
      new StructType()
          .add("code", DataTypes.StringType)
          .add("department", DataTypes.StringType)
          .add("valid", DataTypes.BooleanType);
  private static final StructType NIR =
      new StructType()
          .add("norm", DataTypes.StringType)
          .add("valid", DataTypes.BooleanType)
          .add("consistent", DataTypes.BooleanType);
  private static final StructType CARD =
      new StructType().add("valid", DataTypes.BooleanType).add("issuer", DataTypes.StringType);

  private static final UserDefinedFunction NAMES_UDF =
      udf((UDF3<String, String, String, Row>) RecordNormalizer::names, NAMES);
  private static final UserDefinedFunction EMAIL_UDF =
      udf((UDF1<String, Row>) RecordNormalizer::email, EMAIL);
  private static final UserDefinedFunction PHONE_UDF =
      udf((UDF1<String, Row>) RecordNormalizer::phone, PHONE);
  private static final UserDefinedFunction POSTCODE_UDF =
      udf((UDF1<String, Row>) RecordNormalizer::postcode, POSTCODE);
  private static final UserDefinedFunction NIR_UDF =
      udf((UDF3<String, String, String, Row>) RecordNormalizer::nir, NIR);
  private static final UserDefinedFunction IBAN_UDF =
      udf((UDF1<String, Boolean>) IbanValidator::validate, DataTypes.BooleanType);
  private static final UserDefinedFunction CARD_UDF =
      udf((UDF1<String, Row>) RecordNormalizer::card, CARD);
  private static final UserDefinedFunction CITY_UDF =
      udf((UDF1<String, String>) AddressKeys::cityKey, DataTypes.StringType);
  private static final UserDefinedFunction STREET_UDF =
      udf((UDF1<String, String>) AddressKeys::streetKey, DataTypes.StringType);

  private final BirthDateParser dates;

  /**
   * @param referenceDate the run date: pivot of two-digit years, latest possible birth date
   */
  public RecordNormalizer(LocalDate referenceDate) {
    this.dates = new BirthDateParser(referenceDate);
  }

  public Dataset<Row> normalize(Dataset<Row> raw) {
    Set<String> present = Set.of(raw.columns());
    BirthDateParser parser = dates;
    UserDefinedFunction dateUdf = udf((UDF1<String, Row>) s -> date(parser, s), DATE);

    // Step 1: one struct per library call, so that each UDF runs once per row.
    List<Column> step1 = new ArrayList<>();
    Arrays.stream(raw.columns()).forEach(c -> step1.add(col(quoted(c))));
    step1.add(
        apply(NAMES_UDF, NAMES, present, "first_name", "last_name", "full_name").as("_n_names"));
    step1.add(apply(dateUdf, DATE, present, "birth_date").as("_n_date"));
    step1.add(GenderNormalizer.column(raw(present, "gender")).as(Columns.GENDER_NORM));
    step1.add(apply(EMAIL_UDF, EMAIL, present, "email").as("_n_email"));
    step1.add(apply(PHONE_UDF, PHONE, present, "phone").as("_n_phone"));
    step1.add(apply(POSTCODE_UDF, POSTCODE, present, "postcode").as("_n_postcode"));
    step1.add(apply(CITY_UDF, DataTypes.StringType, present, "city").as(Columns.CITY_KEY));
    step1.add(apply(STREET_UDF, DataTypes.StringType, present, "street").as(Columns.STREET_KEY));
    step1.add(apply(IBAN_UDF, DataTypes.BooleanType, present, "iban").as("iban_valid"));
    step1.add(apply(CARD_UDF, CARD, present, "card_number").as("_n_card"));
    step1.add(PasswordClassifier.column(raw(present, "password")).as("password_kind"));
    step1.add(LoyaltyIdNormalizer.column(raw(present, "loyalty_id")).as(Columns.LOYALTY_ID_NORM));
    Dataset<Row> withStructs = raw.select(step1.toArray(new Column[0]));

    // Step 2: NIR consistency needs the normalised gender and birth date.
    Column nir =
        present.contains("nir")
            ? NIR_UDF.apply(
                col("nir"),
                col(Columns.GENDER_NORM),
                col("_n_date.date").cast(DataTypes.StringType))
            : lit(null).cast(NIR);
    List<Column> step2 = new ArrayList<>();
    Arrays.stream(raw.columns()).forEach(c -> step2.add(col(quoted(c))));
    step2.add(col("_n_names.first_display").as("first_name_display"));
    step2.add(col("_n_names.first_key").as(Columns.FIRST_NAME_KEY));
    step2.add(col("_n_names.last_display").as("last_name_display"));
    step2.add(col("_n_names.last_key").as(Columns.LAST_NAME_KEY));
    step2.add(col("_n_date.date").as(Columns.BIRTH_DATE_NORM));
    step2.add(col("_n_date.valid").as(Columns.BIRTH_DATE_VALID));
    step2.add(col(Columns.GENDER_NORM));
    step2.add(col("_n_email.norm").as(Columns.EMAIL_NORM));
    step2.add(col("_n_email.key").as(Columns.EMAIL_KEY));
    step2.add(col("_n_email.valid").as(Columns.EMAIL_VALID));
    step2.add(col("_n_phone.e164").as(Columns.PHONE_E164));
    step2.add(col("_n_phone.type").as("phone_type"));
    step2.add(col("_n_phone.valid").as(Columns.PHONE_VALID));
    step2.add(col("_n_postcode.code").as(Columns.POSTCODE_NORM));
    step2.add(col("_n_postcode.department").as(Columns.DEPARTMENT));
    step2.add(col("_n_postcode.valid").as(Columns.POSTCODE_VALID));
    step2.add(col(Columns.CITY_KEY));
    step2.add(col(Columns.STREET_KEY));
    step2.add(nir.as("_n_nir"));
    step2.add(col("iban_valid"));
    step2.add(col("_n_card.valid").as("card_valid"));
    step2.add(col("_n_card.issuer").as("card_issuer"));
    step2.add(col("password_kind"));
    step2.add(col(Columns.LOYALTY_ID_NORM));
    Dataset<Row> flat = withStructs.select(step2.toArray(new Column[0]));

    List<Column> out = new ArrayList<>();
    Arrays.stream(raw.columns()).forEach(c -> out.add(col(quoted(c))));
    for (String name : OUTPUT_COLUMNS) {
      switch (name) {
        case Columns.NIR_NORM -> out.add(col("_n_nir.norm").as(name));
        case Columns.NIR_VALID -> out.add(col("_n_nir.valid").as(name));
        case "nir_consistent" -> out.add(col("_n_nir.consistent").as(name));
        default -> out.add(col(name));
      }
    }
    return flat.select(out.toArray(new Column[0]));
  }

  /** The UDF over raw columns, or a typed null without any call when the frame has none of them. */
  private static Column apply(
      UserDefinedFunction f, DataType type, Set<String> present, String... rawColumns) {
    if (Arrays.stream(rawColumns).noneMatch(present::contains)) {
      return lit(null).cast(type);
    }
    return f.apply(Arrays.stream(rawColumns).map(c -> raw(present, c)).toArray(Column[]::new));
  }

  /** The raw column if the frame has it, else a typed null. */
  static Column raw(Set<String> present, String name) {
    return present.contains(name) ? col(quoted(name)) : lit(null).cast(DataTypes.StringType);
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  // --- row functions (static: nothing captured but the date parser) ---

  static Row names(String first, String last, String full) {
    String firstDisplay = NameNormalizer.display(first);
    String lastDisplay = NameNormalizer.display(last);
    if (firstDisplay == null && lastDisplay == null && full != null) {
      SplitName split = FullNameSplitter.split(full);
      firstDisplay = split.firstName();
      lastDisplay = split.lastName();
    }
    return RowFactory.create(
        firstDisplay,
        NameNormalizer.key(firstDisplay),
        lastDisplay,
        NameNormalizer.key(lastDisplay));
  }

  static Row date(BirthDateParser parser, String raw) {
    ParsedDate d = parser.parse(raw);
    return d == null ? RowFactory.create(null, null) : RowFactory.create(d.date(), d.valid());
  }

  static Row email(String raw) {
    NormalizedEmail e = EmailNormalizer.normalize(raw);
    return e == null
        ? RowFactory.create(null, null, null)
        : RowFactory.create(e.normalized(), e.key(), e.valid());
  }

  static Row phone(String raw) {
    NormalizedPhone p = PhoneNormalizer.normalize(raw);
    return p == null
        ? RowFactory.create(null, null, null)
        : RowFactory.create(p.e164(), p.type(), p.valid());
  }

  static Row postcode(String raw) {
    NormalizedPostcode p = PostcodeNormalizer.normalize(raw);
    return p == null
        ? RowFactory.create(null, null, null)
        : RowFactory.create(p.postcode(), p.department(), p.valid());
  }

  static Row nir(String raw, String gender, String birthDate) {
    NirCheck c =
        NirValidator.check(raw, gender, birthDate == null ? null : LocalDate.parse(birthDate));
    return c == null
        ? RowFactory.create(null, null, null)
        : RowFactory.create(c.normalized(), c.valid(), c.consistent());
  }

  static Row card(String raw) {
    CardCheck c = CardNumberValidator.check(raw);
    return c == null ? RowFactory.create(null, null) : RowFactory.create(c.valid(), c.issuer());
  }
}
