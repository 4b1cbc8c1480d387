package fr.breachimpact.generate;

import fr.breachimpact.classify.Category;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Renders a person as a leaked row of an incident's layout, damaged as the incident's style says.
 */
final class RowRenderer {

  /** A column of a leaked file: its name in the file and what it holds. */
  record Column(String name, LeakField field) {}

  /**
   * A value an incident supplies itself.
   *
   * @param valid null when the value does not count for a category
   * @param detected the category a content scan would find in an unmapped free-text value
   */
  record Cell(String value, Boolean valid, Category detected) {
    static Cell of(String value) {
      return new Cell(value, value == null ? null : Boolean.TRUE, null);
    }
  }

  /** The values of the fields that only some incidents have. */
  interface IncidentValues {
    /** The cell for the field, or null to let the renderer build it from the person. */
    Cell cell(LeakField field, Person person, SplittableRandom random);
  }

  private final List<Column> columns;
  private final Style style;
  private final IncidentValues incident;

  RowRenderer(List<Column> columns, Style style, IncidentValues incident) {
    this.columns = List.copyOf(columns);
    this.style = style;
    this.incident = incident;
  }

  List<Column> columns() {
    return columns;
  }

  LeakRow render(Person p, SplittableRandom r) {
    return render(new SourceView.Recorded(p, null, null, false), r);
  }

  /** The row of a person as the source recorded them, a title written before a name if any. */
  LeakRow render(SourceView.Recorded recorded, SplittableRandom r) {
    Person p = recorded.person();
    String first = p.firstName();
    String last = p.lastName();
    if (r.nextDouble() < style.typo()) {
      if (r.nextBoolean()) {
        first = Noise.typo(first, r);
      } else {
        last = Noise.typo(last, r);
      }
    }
    if (style.upperAll()) {
      first = Noise.upper(Noise.fold(first));
      last = Noise.upper(Noise.fold(last));
    } else {
      if (r.nextDouble() < style.foldAccents()) {
        first = Noise.fold(first);
        last = Noise.fold(last);
      }
      if (style.upperLastName() || r.nextDouble() < 0.03) {
        last = Noise.upper(last);
      }
    }
    if (r.nextDouble() < style.swap()) {
      String t = first;
      first = last;
      last = t;
    }
    if (recorded.title() != null) {
      // Typed into the name field itself, after any casing the system applies to names.
      if (recorded.titleOnFirstName()) {
        first = first == null ? recorded.title() : recorded.title() + " " + first;
      } else {
        last = last == null ? recorded.title() : recorded.title() + " " + last;
      }
    }
    int broken = r.nextDouble() < style.invalid() ? 1 + r.nextInt(3) : 0; // 1 email, 2 phone, 3 NIR
    String[] values = new String[columns.size()];
    Boolean[] valid = new Boolean[columns.size()];
    Category[] detected = new Category[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      LeakField field = columns.get(c).field();
      Cell cell = incident.cell(field, p, r);
      if (cell == null) {
        cell = common(field, p, first, last, broken, r);
      }
      values[c] = cell.value();
      valid[c] = cell.value() == null ? null : cell.valid();
      detected[c] = cell.detected();
    }
    Map<Category, String> categories = LeakRow.emptyCategories();
    for (int c = 0; c < columns.size(); c++) {
      Category category = columns.get(c).field().category();
      if (category != null && valid[c] != null) {
        if (valid[c]) {
          categories.put(category, GroundTruth.VERIFIED);
        } else {
          categories.putIfAbsent(category, GroundTruth.CLAIMED);
        }
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      if (detected[c] != null) {
        categories.putIfAbsent(detected[c], GroundTruth.DETECTED);
      }
    }
    return new LeakRow(p.personId(), values, categories);
  }

  private Cell common(
      LeakField field, Person p, String first, String last, int broken, SplittableRandom r) {
    if (r.nextDouble() < style.missing() && field != LeakField.LAST_NAME) {
      return Cell.of(null);
    }
    switch (field) {
      case GENDER:
        return Cell.of(style.genders().get(p.sex() == 'F' ? 0 : 1));
      case LAST_NAME:
        return Cell.of(last);
      case FIRST_NAME:
        return Cell.of(first);
      case FULL_NAME:
        return Cell.of(r.nextBoolean() ? Noise.upper(last) + " " + first : first + " " + last);
      case BIRTH_DATE:
        {
          if (p.birthDate() == null) {
            return Cell.of(null);
          }
          boolean impossible = r.nextDouble() < style.impossibleDate();
          String pattern = style.datePatterns().get(r.nextInt(style.datePatterns().size()));
          return new Cell(Noise.date(p.birthDate(), pattern, impossible), !impossible, null);
        }
      case HOUSEHOLD:
        return Cell.of(household(p.householdSize(), r));
      case EMAIL:
        {
          String email = p.email();
          if (email == null) {
            return Cell.of(null);
          }
          if (broken == 1) {
            return new Cell(email.replace("@", r.nextBoolean() ? "." : " "), false, null);
          }
          return Cell.of(
              r.nextDouble() < style.emailVariant() ? Noise.emailVariant(email, r) : email);
        }
      case PHONE:
        {
          String phone = p.phone();
          if (r.nextDouble() < style.placeholderPhone()) {
            return new Cell("0000000000", false, null);
          }
          if (broken == 2) {
            return new Cell(phone.substring(0, 8), false, null);
          }
          var styles = style.phoneStyles();
          return Cell.of(Noise.phone(phone, styles.get(r.nextInt(styles.size()))));
        }
      case STREET:
        return Cell.of(style.upperAll() ? Noise.upper(Noise.fold(p.street())) : p.street());
      case POSTCODE:
        return Cell.of(
            r.nextDouble() < style.lostZero() ? Noise.lostLeadingZero(p.postcode()) : p.postcode());
      case CITY:
        {
          String city = p.city();
          if (style.upperAll() || r.nextDouble() < 0.1) {
            city = Noise.upper(Noise.fold(city));
          }
          return Cell.of(city);
        }
      case NIR:
        {
          if (broken == 3) {
            return new Cell(Noise.brokenNir(p.nir(), r), false, null);
          }
          return Cell.of(r.nextDouble() < 0.1 ? Noise.spacedNir(p.nir()) : p.nir());
        }
      default:
        throw new IllegalStateException("no value for " + field + " in this incident");
    }
  }

  private static String household(int size, SplittableRandom r) {
    switch (size) {
      case 1:
        return "1 adulte";
      case 2:
        return r.nextBoolean() ? "2 adultes" : "1 adulte, 1 enfant";
      case 3:
        return "2 adultes, 1 enfant";
      default:
        return "2 adultes, " + (size - 2) + " enfants";
    }
  }
}
