package fr.breachimpact.classify;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.spark.Columns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.collection.Seq;

/**
 * Stage 2b: adds {@code categories: array<struct<code:string,status:string>>} to a normalised frame
 * ({@link fr.breachimpact.normalize.RecordNormalizer}). Each category appears at most once, with
 * the strongest status any rule gives it (verified > claimed > detected), in the order of {@link
 * Category}.
 *
 * <p>Rules from the canonical fields ("plausible" = holds a letter or digit and is not a
 * placeholder such as {@code N/A}, {@code null}, {@code -}, {@code 0}, {@code inconnu};
 * placeholders count as absent):
 *
 * <ul>
 *   <li>IDENTITY: first or last name key with a letter, gender recognised, household, professional
 *       id plausible: verified; birth date valid: verified, invalid: claimed; a gender value not
 *       recognised: claimed; a name without any letter: claimed.
 *   <li>CONTACT: email valid / phone valid: verified; present but invalid: claimed.
 *   <li>POSTAL_ADDRESS: street or city key with a letter: verified; postcode valid: verified,
 *       invalid: claimed. A country alone is not an address.
 *   <li>LOYALTY_ID: loyalty id with a letter or digit, a loyalty balance with a digit (zero
 *       included): verified. Simple data: a card number identifies an account, it tells no habit.
 *   <li>PURCHASE_HISTORY: purchase history plausible: verified (behavioural). Where a loyalty
 *       export does reveal habits, the manifest's context adjustment says so.
 *   <li>LOCATION: geolocation as "lat, lon" within range: verified; other plausible text: claimed.
 *   <li>CREDENTIALS: a password of any kind (plain or hash, see password_kind), a security answer
 *       plausible: verified. How much a password exposes is password_kind's business.
 *   <li>GOVERNMENT_ID: NIR with a valid key: verified, invalid: claimed; passport (6-12 letters and
 *       digits), identity card (9-12), France Travail id (6-11): verified when shaped so, claimed
 *       otherwise.
 *   <li>FINANCIAL: IBAN mod-97 / card Luhn: verified, failing: claimed; income plausible: verified.
 *   <li>HEALTH: health info plausible: verified (no validator exists).
 *   <li>INSURANCE: health insurance (an insurer's name) plausible: verified. Simple data: the name
 *       of a mutuelle says nothing of a person's health; beside a health field, HEALTH is there
 *       anyway from that field.
 *   <li>OTHER_SENSITIVE: sensitive info plausible: verified.
 * </ul>
 *
 * The manifest's declarations ({@code extra_categories}: extra column -> category code or HIBP
 * class name, see {@link HibpDataClasses}) make the category verified when that extra column holds
 * a plausible value in the record: the manifest vouches for what the column is. Content detection
 * ({@link ContentDetector}) over every {@code extra} value and over the free-text fields
 * (health_info, sensitive_info, purchase_history, household, security_answer) adds categories as
 * detected; not over health_insurance, whose insurer names would read as health vocabulary.
 */
public final class Classifier {
  public static final String COLUMN = "categories";
  public static final StructType ENTRY =
      new StructType().add("code", DataTypes.StringType).add("status", DataTypes.StringType);

  static final String PLACEHOLDER =
      "(?i)^\\s*(n/?a|nan|null|none|nil|inconnu|unknown|non renseigne|non renseigné|-+|\\.+|\\?+|0+|x+|#n/a)\\s*$";
  private static final String GEO =
      "^\\s*-?\\d{1,2}(\\.\\d+)?\\s*[,; ]\\s*-?\\d{1,3}(\\.\\d+)?\\s*$";
  private static final List<String> FREE_TEXT =
      List.of("health_info", "sensitive_info", "purchase_history", "household", "security_answer");

  private static final StructType MASKS =
      new StructType()
          .add("declared", DataTypes.IntegerType)
          .add("detected", DataTypes.IntegerType);
  private static final UserDefinedFunction EXTRA_UDF =
      udf(
          (UDF3<
                  scala.collection.Map<String, String>,
                  scala.collection.Map<String, String>,
                  Seq<String>,
                  Row>)
              Classifier::masks,
          MASKS);

  private static final Column EMPTY = array().cast(DataTypes.createArrayType(ENTRY, false));
  private static final int VERIFIED = CategoryStatus.VERIFIED.rank();
  private static final int CLAIMED = CategoryStatus.CLAIMED.rank();

  public Dataset<Row> classify(Dataset<Row> normalized) {
    Set<String> present = Set.of(normalized.columns());
    List<String> missing =
        RecordNormalizer.OUTPUT_COLUMNS.stream().filter(c -> !present.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "classify needs a normalised frame; missing columns: " + missing);
    }
    Fields f = new Fields(present);

    Map<Category, List<Column>> ranks = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      ranks.put(c, new ArrayList<>());
    }
    ranks
        .get(Category.IDENTITY)
        .addAll(
            List.of(
                name(f.get(Columns.FIRST_NAME_KEY), f.get("first_name_display")),
                name(f.get(Columns.LAST_NAME_KEY), f.get("last_name_display")),
                validated(f.get(Columns.BIRTH_DATE_VALID), f.get("birth_date")),
                when(f.get(Columns.GENDER_NORM).isNotNull(), VERIFIED)
                    .when(plausible(f.get("gender")), CLAIMED),
                plausibleRank(f.get("household")),
                plausibleRank(f.get("professional_id"))));
    ranks
        .get(Category.CONTACT)
        .addAll(
            List.of(
                validated(f.get(Columns.EMAIL_VALID), f.get("email")),
                validated(f.get(Columns.PHONE_VALID), f.get("phone"))));
    ranks
        .get(Category.POSTAL_ADDRESS)
        .addAll(
            List.of(
                when(f.get(Columns.STREET_KEY).rlike("[a-z]"), VERIFIED),
                when(f.get(Columns.CITY_KEY).rlike("[a-z]"), VERIFIED),
                validated(f.get(Columns.POSTCODE_VALID), f.get("postcode"))));
    ranks
        .get(Category.LOYALTY_ID)
        .addAll(
            List.of(
                when(f.get(Columns.LOYALTY_ID_NORM).isNotNull(), VERIFIED),
                when(
                    f.get("loyalty_balance").rlike("\\d"),
                    VERIFIED))); // a zero balance still shows the account
    ranks.get(Category.PURCHASE_HISTORY).add(plausibleRank(f.get("purchase_history")));
    ranks
        .get(Category.LOCATION)
        .add(
            when(f.get("geolocation").rlike(GEO), VERIFIED)
                .when(plausible(f.get("geolocation")), CLAIMED));
    ranks
        .get(Category.CREDENTIALS)
        .addAll(
            List.of(
                when(f.get("password_kind").isNotNull(), VERIFIED),
                plausibleRank(f.get("security_answer"))));
    ranks
        .get(Category.GOVERNMENT_ID)
        .addAll(
            List.of(
                validated(f.get(Columns.NIR_VALID), f.get("nir")),
                shaped(f.get("passport_number"), "^[A-Z0-9]{6,12}$"),
                shaped(f.get("id_card_number"), "^[A-Z0-9]{9,12}$"),
                shaped(f.get("france_travail_id"), "^[A-Z0-9]{6,11}$")));
    ranks
        .get(Category.FINANCIAL)
        .addAll(
            List.of(
                validated(f.get("iban_valid"), f.get("iban")),
                validated(f.get("card_valid"), f.get("card_number")),
                plausibleRank(f.get("income"))));
    ranks.get(Category.HEALTH).add(plausibleRank(f.get("health_info")));
    ranks.get(Category.INSURANCE).add(plausibleRank(f.get("health_insurance")));
    ranks.get(Category.OTHER_SENSITIVE).add(plausibleRank(f.get("sensitive_info")));

    List<Column> texts = new ArrayList<>();
    FREE_TEXT.forEach(name -> texts.add(f.get(name)));
    Column masks =
        EXTRA_UDF.apply(
            f.map("extra"), f.map("extra_categories"), array(texts.toArray(new Column[0])));
    Dataset<Row> withMasks = normalized.withColumn("_c_masks", masks);

    // The rank of each category first, in a projection of its own: the entries below read each
    // rank twice, and Spark would otherwise evaluate its regular expressions once per reading.
    List<Column> ranked = new ArrayList<>();
    ranked.add(col("*"));
    for (Category c : Category.values()) {
      int bit = 1 << c.ordinal();
      List<Column> all = new ArrayList<>();
      for (Column r : ranks.get(c)) {
        all.add(coalesce(r, lit(0)));
      }
      all.add(when(col("_c_masks.declared").bitwiseAND(bit).notEqual(0), VERIFIED).otherwise(0));
      all.add(
          when(col("_c_masks.detected").bitwiseAND(bit).notEqual(0), CategoryStatus.DETECTED.rank())
              .otherwise(0));
      ranked.add(greatest(all.toArray(new Column[0])).as(rankColumn(c)));
    }
    Dataset<Row> withRanks = withMasks.select(ranked.toArray(new Column[0])).drop("_c_masks");

    List<Column> entries = new ArrayList<>();
    for (Category c : Category.values()) {
      Column rank = col(rankColumn(c));
      Column status =
          when(rank.equalTo(VERIFIED), CategoryStatus.VERIFIED.label())
              .when(rank.equalTo(CLAIMED), CategoryStatus.CLAIMED.label())
              .when(rank.equalTo(CategoryStatus.DETECTED.rank()), CategoryStatus.DETECTED.label());
      // One-element or empty array per category, flattened: unlike filter(), whose lambda has
      // no code generation, this keeps the whole projection in generated code.
      entries.add(
          when(rank.gt(0), array(struct(lit(c.name()).as("code"), status.as("status"))))
              .otherwise(EMPTY));
    }
    Column categories = flatten(array(entries.toArray(new Column[0])));
    String[] rankColumns =
        Arrays.stream(Category.values()).map(Classifier::rankColumn).toArray(String[]::new);
    return withRanks.withColumn(COLUMN, categories).drop(rankColumns);
  }

  private static String rankColumn(Category c) {
    return "_c_rank_" + c.name();
  }

  // --- rank expressions: VERIFIED, CLAIMED or null ---

  static Column plausible(Column c) {
    return c.isNotNull().and(c.rlike("[\\p{L}\\p{N}]")).and(c.rlike(PLACEHOLDER).unary_$bang());
  }

  private static Column plausibleRank(Column c) {
    return when(plausible(c), VERIFIED);
  }

  private static Column validated(Column valid, Column raw) {
    return when(valid.equalTo(true), VERIFIED)
        .when(valid.equalTo(false).and(plausible(raw)), CLAIMED);
  }

  private static Column name(Column key, Column display) {
    return when(key.rlike("[a-z]"), VERIFIED).when(plausible(display), CLAIMED);
  }

  private static Column shaped(Column raw, String shape) {
    Column compact = upper(regexp_replace(trim(raw), "[\\s.\\-]", ""));
    return when(compact.rlike(shape), VERIFIED).when(plausible(raw), CLAIMED);
  }

  /**
   * Declared and detected categories of the extra columns and free text, as bit masks by ordinal.
   */
  static Row masks(
      scala.collection.Map<String, String> extra,
      scala.collection.Map<String, String> declarations,
      Seq<String> texts) {
    int declared = 0;
    int detected = 0;
    if (declarations != null && extra != null) {
      Iterator<Tuple2<String, String>> it = declarations.iterator();
      while (it.hasNext()) {
        Tuple2<String, String> d = it.next();
        Option<String> value = extra.get(d._1());
        if (value.isDefined() && isPlausible(value.get())) {
          var category = HibpDataClasses.resolve(d._2());
          if (category.isPresent()) {
            declared |= 1 << category.get().ordinal();
          }
        }
      }
    }
    if (extra != null) {
      Iterator<String> values = extra.valuesIterator();
      while (values.hasNext()) {
        detected |= mask(ContentDetector.detect(values.next()));
      }
    }
    if (texts != null) {
      Iterator<String> it = texts.iterator();
      while (it.hasNext()) {
        detected |= mask(ContentDetector.detect(it.next()));
      }
    }
    return RowFactory.create(declared, detected);
  }

  private static int mask(Set<Category> categories) {
    int m = 0;
    for (Category c : categories) {
      m |= 1 << c.ordinal();
    }
    return m;
  }

  static boolean isPlausible(String value) {
    return value != null
        && value.codePoints().anyMatch(Character::isLetterOrDigit)
        && !value.matches(PLACEHOLDER);
  }

  /** Columns of the frame; absent ones read as typed nulls. */
  private record Fields(Set<String> present) {
    Column get(String name) {
      return present.contains(name) ? col(name) : lit(null).cast(DataTypes.StringType);
    }

    Column map(String name) {
      return present.contains(name)
          ? col(name)
          : lit(null).cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    }
  }
}
