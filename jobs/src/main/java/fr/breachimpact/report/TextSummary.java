package fr.breachimpact.report;

import java.util.Locale;

/**
 * The console summary: incidents with their level, persons exposed, customers to notify per brand.
 */
public final class TextSummary {
  private TextSummary() {}

  public static String render(SummaryData d, int k) {
    StringBuilder s = new StringBuilder();
    s.append("incidents: ").append(d.incidents().size()).append('\n');
    for (SummaryData.IncidentLine l : d.incidents()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-28s SE %.2f %-9s persons %s%s%n",
              l.incidentId(),
              l.se(),
              l.level(),
              l.persons() == null ? "<" + k : l.persons(),
              l.art34Required() ? "  art.34: notify persons" : ""));
    }
    s.append("distinct persons exposed: ").append(plain(d.personsExposed(), k)).append('\n');
    s.append("customers to notify per brand:\n");
    d.customersByBrand()
        .forEach(
            (brand, v) ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        "  %-20s %s of %s exposed customers%n",
                        brand,
                        plain(v[1], k),
                        plain(v[0], k))));
    for (SummaryData.GroupLine g : d.groups()) {
      s.append("group ")
          .append(g.group())
          .append(": ")
          .append(plain(g.personsExposed(), k))
          .append(" persons exposed in its incidents (counted once), ")
          .append(plain(g.personsMultiIncident(), k))
          .append(" in two or more, ")
          .append(plain(g.personsExposedCustomers(), k))
          .append(" of them customers, ")
          .append(plain(g.multiBrandCustomersExposed(), k))
          .append(" customers of two or more brands\n");
    }
    return s.toString();
  }

  private static String plain(Long value, int k) {
    if (value == null) {
      return "?";
    }
    return Suppression.isSmall(value, k) ? "<" + k : Long.toString(value);
  }
}
