package fr.breachimpact.link;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.soundex;
import static org.apache.spark.sql.functions.substring;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.ModelSettings.BlockingRuleSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Blocking rules declared in the settings, as key expressions over one side of a pair. A key is a
 * comparable column or a function of columns: {@code soundex(c)}, {@code initial(c)} (first
 * letter), {@code prefix3(c)}, {@code sorted(c1,c2)} (the two values in order: swapped first and
 * last names block together), and two that give several keys per record and must stand alone in
 * their rule: {@code any(c1,c2,...)} (each identifier the record holds) and {@code brand_scoped(c)}
 * (the value within each brand of the incident: loyalty cards).
 */
public final class BlockingKeys {
  private static final Pattern CALL = Pattern.compile("^([a-z0-9_]+)\\(([a-z0-9_, ]+)\\)$");
  private static final List<String> FUNCTIONS =
      List.of("soundex", "initial", "prefix3", "sorted", "any", "brand_scoped");

  /** The kinds of party deduplication pairs (resolve's {@code Parties.kind}). */
  private static final List<String> PARTY_KINDS = List.of("record", "customer");

  /** Which side of a pair a key is for. */
  public enum Side {
    LEAKED("l_"),
    CUSTOMER("r_"),
    /** Either party of a deduplication pair, unprefixed. */
    PARTY("");

    final String prefix;

    Side(String prefix) {
      this.prefix = prefix;
    }
  }

  private BlockingKeys() {}

  /** A rule of the linkage of leaked records against customers. */
  public static BlockingRule forLink(BlockingRuleSettings s, String file, String at) {
    if (!s.kinds().isEmpty()) {
      throw ConfigException.at(
          file, at + ".kinds", "resolve only: every link pair is a record and a customer");
    }
    Parsed left = parse(s, Side.LEAKED, file, at);
    Parsed right = parse(s, Side.CUSTOMER, file, at);
    return new BlockingRule(
        s.name(),
        left.key,
        right.key,
        left.isArray,
        right.isArray,
        left.columns,
        bound(s, file, at),
        Set.of());
  }

  /** A deduplication rule's key over unprefixed party columns, and whether it is an array. */
  public static BlockingRule forDedupe(BlockingRuleSettings s, String file, String at) {
    Parsed p = parse(s, Side.PARTY, file, at);
    return new BlockingRule(
        s.name(),
        p.key,
        p.key,
        p.isArray,
        p.isArray,
        p.columns,
        bound(s, file, at),
        kinds(s, file, at));
  }

  private static Set<String> kinds(BlockingRuleSettings s, String file, String at) {
    for (int i = 0; i < s.kinds().size(); i++) {
      if (!PARTY_KINDS.contains(s.kinds().get(i))) {
        throw ConfigException.at(
            file,
            at + ".kinds[" + i + "]",
            "unknown kind '"
                + s.kinds().get(i)
                + "' (known: "
                + String.join(", ", PARTY_KINDS)
                + ")");
      }
    }
    return Set.copyOf(s.kinds());
  }

  private static Integer bound(BlockingRuleSettings s, String file, String at) {
    if (s.maxBlockSize() != null && s.maxBlockSize() < 2) {
      throw ConfigException.at(
          file, at + ".max_block_size", "at least 2 (a block of one is no pair)");
    }
    return s.maxBlockSize();
  }

  private record Parsed(Column key, boolean isArray, Set<String> columns) {}

  private static Parsed parse(BlockingRuleSettings s, Side side, String file, String at) {
    if (s.name() == null || s.name().isBlank()) {
      throw ConfigException.at(file, at + ".name", "required");
    }
    if (s.keys().isEmpty()) {
      throw ConfigException.at(file, at + ".keys", "at least one key");
    }
    Set<String> columns = new LinkedHashSet<>();
    List<Column> parts = new ArrayList<>();
    for (int i = 0; i < s.keys().size(); i++) {
      String keyAt = at + ".keys[" + i + "]";
      String k = s.keys().get(i).strip();
      Matcher m = CALL.matcher(k);
      if (!m.matches()) {
        parts.add(column(k, side, file, keyAt, columns));
        continue;
      }
      String fn = m.group(1);
      List<String> args = List.of(m.group(2).split("\\s*,\\s*"));
      List<Column> cols = new ArrayList<>();
      for (String arg : args) {
        cols.add(column(arg.strip(), side, file, keyAt, columns));
      }
      switch (fn) {
        case "soundex" -> parts.add(soundex(one(cols, file, keyAt)));
        case "initial" -> parts.add(substring(one(cols, file, keyAt), 1, 1));
        case "prefix3" -> parts.add(substring(one(cols, file, keyAt), 1, 3));
        case "sorted" -> {
          if (cols.size() != 2) {
            throw ConfigException.at(file, keyAt, "sorted takes two columns");
          }
          parts.add(
              concat(
                  least(cols.get(0), cols.get(1)), lit(" "), greatest(cols.get(0), cols.get(1))));
        }
        case "any", "brand_scoped" -> {
          if (s.keys().size() != 1) {
            throw ConfigException.at(file, keyAt, fn + " must be the rule's only key");
          }
          return fn.equals("any")
              ? anyOf(args, cols, columns)
              : brandScoped(one(cols, file, keyAt), side, columns);
        }
        default ->
            throw ConfigException.at(
                file,
                keyAt,
                "unknown key function '" + fn + "' (known: " + String.join(", ", FUNCTIONS) + ")");
      }
    }
    return new Parsed(joined(parts), false, columns);
  }

  /** Each identifier present, tagged with its scheme: a passport number never meets an id card. */
  private static Parsed anyOf(List<String> names, List<Column> cols, Set<String> columns) {
    Column[] tagged = new Column[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      tagged[i] = concat(lit(names.get(i).strip() + ":"), cols.get(i));
    }
    return new Parsed(array_compact(array(tagged)), true, columns);
  }

  /** A leaked record's value within each brand of its incident; a customer's within its brand. */
  private static Parsed brandScoped(Column value, Side side, Set<String> columns) {
    return switch (side) {
      case LEAKED ->
          new Parsed(
              expr("transform(l_brands, b -> concat(" + value + ", '|', b))"), true, columns);
      case CUSTOMER -> new Parsed(concat(value, lit("|"), col("r_brand_lc")), false, columns);
      default -> new Parsed(value, false, columns);
    };
  }

  private static Column one(List<Column> cols, String file, String at) {
    if (cols.size() != 1) {
      throw ConfigException.at(file, at, "takes one column");
    }
    return cols.get(0);
  }

  private static Column column(
      String name, Side side, String file, String at, Set<String> columns) {
    if (!ComparableColumns.NAMES.contains(name)) {
      throw ConfigException.at(
          file,
          at,
          "unknown comparable column '"
              + name
              + "' (known: "
              + String.join(", ", ComparableColumns.NAMES)
              + ")");
    }
    columns.add(name);
    // A key on a trusted value fixes the comparison of the value itself.
    if (name.endsWith("_det")) {
      columns.add(name.substring(0, name.length() - 4));
    }
    if (name.equals("email_local_part")) {
      columns.add("email");
    }
    return col(side.prefix + name);
  }

  /**
   * The parts joined by '|'; null when a part is null, so a rule with a missing part blocks
   * nothing.
   */
  private static Column joined(List<Column> parts) {
    if (parts.size() == 1) {
      return parts.get(0).cast("string");
    }
    Column[] withSep = new Column[parts.size() * 2 - 1];
    for (int i = 0; i < parts.size(); i++) {
      withSep[2 * i] = parts.get(i).cast("string");
      if (i < parts.size() - 1) {
        withSep[2 * i + 1] = lit("|");
      }
    }
    return concat(withSep);
  }
}
