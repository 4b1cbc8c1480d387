package fr.breachimpact.report;

import fr.breachimpact.classify.Category;
import fr.breachimpact.config.ContextAdjustment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * ENISA DPC: the highest base among the exposed categories (1 simple, 2 behavioural, 3 financial, 4
 * sensitive), moved by the manifest's context adjustments, kept within 1..4.
 *
 * <p>Verified, detected and claimed categories all count: a value that fails its check (a NIR with
 * a wrong key, a malformed IBAN) is still the category's data in the attacker's hands, and the
 * breach is assessed at its worst. A category present only as claimed is named so in the factors,
 * so that an analyst can discount it; one found only by content detection is named "detected only",
 * with the records it was detected in, since a DPO must see when a word in free text drove the
 * score.
 */
public final class DataProcessingContext {
  private DataProcessingContext() {}

  /**
   * A DPC score and the readable factors that produced it.
   *
   * @param category the category that sets the base, null when none is exposed
   * @param detectedRecords when that category rests on content detection alone, the records it was
   *     detected in (null otherwise, and when fewer than k: a small count is not written)
   */
  public record Score(int dpc, String factors, String category, Long detectedRecords) {
    public Score(int dpc, String factors) {
      this(dpc, factors, null, null);
    }
  }

  /** Detection counts written as they are (k = 1). */
  public static Score score(
      Collection<CategoryEvidence> categories, List<ContextAdjustment> adjustments) {
    return score(categories, adjustments, 1);
  }

  /**
   * @param k counts of detection evidence below it are written "fewer than k"
   */
  public static Score score(
      Collection<CategoryEvidence> categories, List<ContextAdjustment> adjustments, int k) {
    List<CategoryEvidence> present = new ArrayList<>();
    for (CategoryEvidence c : categories) {
      if (c.present()) {
        present.add(c);
      }
    }
    present.sort(
        Comparator.comparingInt((CategoryEvidence c) -> -base(c.code()))
            .thenComparing(CategoryEvidence::code));
    int base = present.isEmpty() ? 1 : base(present.get(0).code());
    StringBuilder f = new StringBuilder();
    if (present.isEmpty()) {
      f.append("base 1: no category exposed");
    } else {
      CategoryEvidence top = present.get(0);
      f.append("base ").append(base).append(" from ").append(top.code());
      if (top.claimedOnly()) {
        f.append(" (claimed only)");
      }
      if (top.detectedOnly()) {
        f.append(" (detected in ").append(records(top.detectedRecords(), k)).append(')');
      }
      f.append("; categories ");
      for (int i = 0; i < present.size(); i++) {
        CategoryEvidence c = present.get(i);
        f.append(i == 0 ? "" : ", ").append(c.code()).append('=').append(base(c.code()));
        if (c.claimedOnly()) {
          f.append(" claimed only");
        }
        if (c.detectedOnly()) {
          f.append(" detected only");
        }
      }
    }
    int adjusted = base;
    for (ContextAdjustment a : adjustments) {
      adjusted += a.delta();
      f.append("; context ").append(a.delta() >= 0 ? "+" : "").append(a.delta());
      if (a.reason() != null && !a.reason().isBlank()) {
        f.append(" (").append(a.reason()).append(')');
      }
    }
    int dpc = clamp(adjusted);
    if (dpc != adjusted) {
      f.append("; kept within 1..4");
    }
    CategoryEvidence top = present.isEmpty() ? null : present.get(0);
    Long detected =
        top != null && top.detectedOnly() && !Suppression.isSmall(top.detectedRecords(), k)
            ? top.detectedRecords()
            : null;
    return new Score(dpc, f.toString(), top == null ? null : top.code(), detected);
  }

  private static String records(long n, int k) {
    return Suppression.isSmall(n, k)
        ? "fewer than " + k + " records"
        : n + (n == 1 ? " record" : " records");
  }

  public static int clamp(int dpc) {
    return Math.max(1, Math.min(4, dpc));
  }

  /** ENISA base of a category code; an unknown code counts as simple data (1). */
  public static int base(String code) {
    try {
      return Category.valueOf(code.toUpperCase(Locale.ROOT)).enisaBase();
    } catch (IllegalArgumentException | NullPointerException e) {
      return 1;
    }
  }

  public static int adjustment(List<ContextAdjustment> adjustments) {
    return adjustments.stream().mapToInt(ContextAdjustment::delta).sum();
  }
}
