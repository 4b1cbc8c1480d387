package fr.breachimpact.sniff;

import fr.breachimpact.classify.Category;
import fr.breachimpact.ingest.CanonicalField;

/**
 * What sniff proposes for one column: a canonical field, or a category for a column left in {@code
 * extra}, or nothing; with the evidence (the column's name and counts, never a value).
 */
public record ColumnProposal(
    String column, CanonicalField field, Category category, String evidence) {
  public boolean mapped() {
    return field != null;
  }
}
