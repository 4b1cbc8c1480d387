package fr.breachimpact.report;

import static fr.breachimpact.report.Identifier.BIRTH_DATE;
import static fr.breachimpact.report.Identifier.EMAIL;
import static fr.breachimpact.report.Identifier.FULL_NAME;
import static fr.breachimpact.report.Identifier.LAST_NAME;
import static fr.breachimpact.report.Identifier.NATIONAL_ID;
import static fr.breachimpact.report.Identifier.PHONE;
import static fr.breachimpact.report.Identifier.POSTAL_ADDRESS;
import static fr.breachimpact.report.Identifier.POSTCODE;
import static fr.breachimpact.report.Identifier.PROFESSIONAL_ID;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * ENISA 2013 ease of identification (EI): how easily the data leads to a person. The four levels of
 * the methodology (negligible 0.25, limited 0.5, significant 0.75, maximum 1) are made concrete by
 * the rule table below; the first rule whose identifiers are all present wins, rules being ordered
 * from the highest level down.
 *
 * <p>Why these rules: a national id, a public professional id (RPPS, ADELI: the directory gives the
 * name and practice), or a full name with a birth date, a street address, an email or a phone
 * singles a person out directly (maximum): ENISA's "maximum" is data that identifies without
 * further effort, and a name with the person's own email or phone does. A valid email or phone
 * alone reaches one person and is usually tied to a name by any search; a name within a postcode,
 * or a birth date at an address, narrows to a handful (significant). A full name alone has many
 * homonyms in a country of 68 million; an address is a household; a last name with a birth date or
 * postcode, or a birth date with a postcode, are quasi-identifiers (limited). Anything less is
 * negligible.
 */
public final class IdentificationEase {

  /** One line of the EI table. */
  public record Rule(double ei, String level, Set<Identifier> requires, String why) {
    public boolean matches(Set<Identifier> present) {
      return present.containsAll(requires);
    }

    public String label() {
      return requires.isEmpty()
          ? "no identifying combination"
          : requires.stream().sorted().map(Identifier::label).collect(Collectors.joining(" + "));
    }
  }

  public static final List<Rule> RULES =
      List.of(
          rule(1.0, "maximum", "national id identifies directly", NATIONAL_ID),
          rule(
              1.0,
              "maximum",
              "full name with birth date identifies directly",
              FULL_NAME,
              BIRTH_DATE),
          rule(
              1.0,
              "maximum",
              "full name with street address identifies directly",
              FULL_NAME,
              POSTAL_ADDRESS),
          rule(
              1.0,
              "maximum",
              "full name with the person's email identifies directly",
              FULL_NAME,
              EMAIL),
          rule(
              1.0,
              "maximum",
              "full name with the person's phone identifies directly",
              FULL_NAME,
              PHONE),
          rule(
              1.0,
              "maximum",
              "a public professional id (RPPS, ADELI) identifies directly",
              PROFESSIONAL_ID),
          rule(0.75, "significant", "an email reaches one person", EMAIL),
          rule(0.75, "significant", "a phone number reaches one person", PHONE),
          rule(
              0.75,
              "significant",
              "a name within a postcode narrows to few people",
              FULL_NAME,
              POSTCODE),
          rule(
              0.75,
              "significant",
              "a birth date at an address narrows to one household member",
              BIRTH_DATE,
              POSTAL_ADDRESS),
          rule(0.5, "limited", "a full name alone has homonyms", FULL_NAME),
          rule(0.5, "limited", "an address is a household, not a person", POSTAL_ADDRESS),
          rule(
              0.5,
              "limited",
              "last name and birth date are quasi-identifiers",
              LAST_NAME,
              BIRTH_DATE),
          rule(0.5, "limited", "last name and postcode are quasi-identifiers", LAST_NAME, POSTCODE),
          rule(
              0.5,
              "limited",
              "birth date and postcode are quasi-identifiers",
              BIRTH_DATE,
              POSTCODE),
          rule(0.25, "negligible", "no identifying combination", new Identifier[0]));

  private IdentificationEase() {}

  private static Rule rule(double ei, String level, String why, Identifier... ids) {
    Set<Identifier> set =
        ids.length == 0 ? EnumSet.noneOf(Identifier.class) : EnumSet.of(ids[0], ids);
    return new Rule(ei, level, Set.copyOf(set), why);
  }

  /** The rule that applies to the identifiers present (the last rule always matches). */
  public static Rule evaluate(Set<Identifier> present) {
    Set<Identifier> withImplied = EnumSet.noneOf(Identifier.class);
    withImplied.addAll(present);
    if (withImplied.contains(FULL_NAME)) {
      withImplied.add(LAST_NAME);
    }
    for (Rule r : RULES) {
      if (r.matches(withImplied)) {
        return r;
      }
    }
    throw new IllegalStateException("the last EI rule matches everything");
  }

  /** EI in Spark over boolean flag columns named {@link Identifier#flagColumn()}. */
  public static Column eiColumn() {
    return caseOverRules(r -> functions.lit(r.ei()));
  }

  /** Index of the rule in {@link #RULES} in Spark, for factors and aggregation. */
  public static Column ruleIndexColumn() {
    return caseOverRules(r -> functions.lit(RULES.indexOf(r)));
  }

  /** Readable rule label in Spark: "EI 1.0 maximum: full name + birth date". */
  public static Column ruleLabelColumn() {
    return caseOverRules(r -> functions.lit(describe(r)));
  }

  public static String describe(Rule r) {
    return "EI " + r.ei() + " " + r.level() + ": " + r.label() + " (" + r.why() + ")";
  }

  private static Column caseOverRules(Function<Rule, Column> value) {
    Column result = null;
    for (Rule r : RULES) {
      Column cond = functions.lit(true);
      for (Identifier id : r.requires()) {
        Column flag = functions.coalesce(functions.col(id.flagColumn()), functions.lit(false));
        if (id == LAST_NAME) {
          flag =
              flag.or(
                  functions.coalesce(functions.col(FULL_NAME.flagColumn()), functions.lit(false)));
        }
        cond = cond.and(flag);
      }
      result =
          result == null ? functions.when(cond, value.apply(r)) : result.when(cond, value.apply(r));
    }
    return result;
  }
}
