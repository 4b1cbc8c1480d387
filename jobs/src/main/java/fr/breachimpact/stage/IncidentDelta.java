package fr.breachimpact.stage;

import java.util.Set;
import java.util.TreeSet;

/**
 * The incidents whose records changed since a stage's last run: added (new ids), replaced (a file
 * or manifest changed: every record read again) and removed (gone from the incidents folder).
 */
public record IncidentDelta(Set<String> added, Set<String> replaced, Set<String> removed) {
  public IncidentDelta {
    added = Set.copyOf(added);
    replaced = Set.copyOf(replaced);
    removed = Set.copyOf(removed);
  }

  /** The incidents whose records were read again: added or replaced. */
  public Set<String> reread() {
    Set<String> all = new TreeSet<>(added);
    all.addAll(replaced);
    return all;
  }

  /** No earlier record changed or went: only new incidents came. */
  public boolean additionsOnly() {
    return replaced.isEmpty() && removed.isEmpty();
  }

  /** One line for the run log: {@code added a, b; replaced c; removed d}. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    append(s, "added", added);
    append(s, "replaced", replaced);
    append(s, "removed", removed);
    return s.length() == 0 ? "no incident" : s.toString();
  }

  private static void append(StringBuilder s, String what, Set<String> ids) {
    if (!ids.isEmpty()) {
      s.append(s.length() == 0 ? "" : "; ").append(what).append(' ');
      s.append(String.join(", ", new TreeSet<>(ids)));
    }
  }
}
