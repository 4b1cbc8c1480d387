package fr.breachimpact.sniff;

import fr.breachimpact.classify.Category;
import fr.breachimpact.ingest.CanonicalField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Column -> canonical field, from the name first and the content second. A name that claims a field
 * with a validator of its own (NIR, IBAN, card) must be confirmed by the content, since "secu" or
 * "cb" are also names of other things; the other names stand unless the sample is empty. Columns
 * without a field get a category from the content detector, else from the name.
 */
public final class ColumnMapper {
  /** Share of sampled values a content rule needs. */
  static final double CONTENT_SHARE = 0.8;

  private static final double LOOSE_SHARE = 0.6;
  private static final double CATEGORY_SHARE = 0.3;
  private static final int MIN_SAMPLED = 5;
  private static final Set<CanonicalField> CONFIRMED_BY_CONTENT =
      Set.of(CanonicalField.NIR, CanonicalField.IBAN, CanonicalField.CARD_NUMBER);
  private static final Map<CanonicalField, ValueKind> VALIDATED =
      Map.of(
          CanonicalField.EMAIL,
          ValueKind.EMAIL,
          CanonicalField.PHONE,
          ValueKind.PHONE,
          CanonicalField.NIR,
          ValueKind.NIR,
          CanonicalField.IBAN,
          ValueKind.IBAN,
          CanonicalField.CARD_NUMBER,
          ValueKind.CARD,
          CanonicalField.BIRTH_DATE,
          ValueKind.DATE,
          CanonicalField.POSTCODE,
          ValueKind.POSTCODE,
          CanonicalField.CITY,
          ValueKind.COMMUNE,
          CanonicalField.STREET,
          ValueKind.STREET,
          CanonicalField.GENDER,
          ValueKind.GENDER);

  public List<ColumnProposal> map(Map<String, ContentProfile> profiles) {
    List<ColumnProposal> out = new ArrayList<>();
    boolean upperNameColumn = false;
    for (Map.Entry<String, ContentProfile> e : profiles.entrySet()) {
      ColumnProposal p = one(e.getKey(), e.getValue());
      upperNameColumn |=
          p.field() == CanonicalField.LAST_NAME
              && e.getValue().share(ValueKind.UPPER_NAME) >= CONTENT_SHARE;
      out.add(p);
    }
    if (upperNameColumn) {
      // French usage writes the family name in capitals: a mixed-case name column beside it is the
      // first name.
      for (int i = 0; i < out.size(); i++) {
        ColumnProposal p = out.get(i);
        ContentProfile c = profiles.get(p.column());
        if (!p.mapped()
            && NameMatcher.field(p.column()).isEmpty()
            && c.sampled() >= MIN_SAMPLED
            && c.share(ValueKind.NAME) >= CONTENT_SHARE
            && c.share(ValueKind.UPPER_NAME) < 0.2) {
          out.set(
              i,
              new ColumnProposal(
                  p.column(),
                  CanonicalField.FIRST_NAME,
                  null,
                  "first_name: "
                      + c.evidence(ValueKind.NAME)
                      + ", in mixed case beside a family name in capitals"));
          break; // one first-name column; any other is left for a person to name
        }
      }
    }
    return out;
  }

  ColumnProposal one(String column, ContentProfile c) {
    Optional<CanonicalField> byName = NameMatcher.field(column);
    String dropped = "";
    if (byName.isPresent()) {
      CanonicalField f = byName.get();
      ValueKind kind = VALIDATED.get(f);
      if (CONFIRMED_BY_CONTENT.contains(f) && c.sampled() > 0 && c.share(kind) < 0.5) {
        dropped = "the name suggests " + f.columnName() + " but " + c.evidence(kind) + "; ";
      } else {
        String content = kind != null && c.sampled() > 0 ? "; " + c.evidence(kind) : "";
        return new ColumnProposal(
            column, f, null, f.columnName() + ": column name '" + column + "'" + content);
      }
    }
    Optional<ColumnProposal> byContent = byContent(column, c);
    if (byContent.isPresent()) {
      return byContent.get();
    }
    return unmapped(column, c, dropped);
  }

  private Optional<ColumnProposal> byContent(String column, ContentProfile c) {
    if (c.sampled() < MIN_SAMPLED) {
      return Optional.empty();
    }
    record Rule(ValueKind kind, CanonicalField field, double share) {}
    List<Rule> rules =
        List.of(
            new Rule(ValueKind.EMAIL, CanonicalField.EMAIL, CONTENT_SHARE),
            new Rule(ValueKind.NIR, CanonicalField.NIR, CONTENT_SHARE),
            new Rule(ValueKind.IBAN, CanonicalField.IBAN, CONTENT_SHARE),
            new Rule(ValueKind.CARD, CanonicalField.CARD_NUMBER, CONTENT_SHARE),
            new Rule(ValueKind.PHONE, CanonicalField.PHONE, CONTENT_SHARE),
            new Rule(ValueKind.DATE, CanonicalField.BIRTH_DATE, CONTENT_SHARE),
            new Rule(ValueKind.POSTCODE, CanonicalField.POSTCODE, CONTENT_SHARE),
            new Rule(ValueKind.COMMUNE, CanonicalField.CITY, LOOSE_SHARE),
            new Rule(ValueKind.STREET, CanonicalField.STREET, LOOSE_SHARE),
            new Rule(ValueKind.GENDER, CanonicalField.GENDER, 0.9),
            new Rule(ValueKind.UPPER_NAME, CanonicalField.LAST_NAME, CONTENT_SHARE));
    for (Rule r : rules) {
      if (c.share(r.kind()) >= r.share()) {
        return Optional.of(
            new ColumnProposal(
                column,
                r.field(),
                null,
                r.field().columnName()
                    + ": "
                    + c.evidence(r.kind())
                    + (r.field() == CanonicalField.BIRTH_DATE
                        ? " (a date column is taken for the birth date: check it is not a record date)"
                        : "")));
      }
    }
    return Optional.empty();
  }

  private ColumnProposal unmapped(String column, ContentProfile c, String dropped) {
    Category best = null;
    for (Category cat : Category.values()) {
      if (c.share(cat) >= CATEGORY_SHARE && (best == null || c.share(cat) > c.share(best))) {
        best = cat;
      }
    }
    if (best != null) {
      return new ColumnProposal(
          column,
          null,
          best,
          String.format(
              Locale.ROOT,
              "%sno field; category %s: the content detector finds it in %.1f %% of %,d sampled values",
              dropped,
              best.name(),
              100 * c.share(best),
              c.sampled()));
    }
    Optional<Category> byName = NameMatcher.category(column);
    if (byName.isPresent()) {
      return new ColumnProposal(
          column,
          null,
          byName.get(),
          dropped
              + "no field; category "
              + byName.get().name()
              + " from the column name '"
              + column
              + "'");
    }
    return new ColumnProposal(
        column,
        null,
        null,
        String.format(
            Locale.ROOT,
            "%sno field, no category: nothing recognised in %,d sampled values",
            dropped,
            c.sampled()));
  }
}
