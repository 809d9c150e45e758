package org.goaldriftgym.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.goaldriftgym.analysis.RunRecord;

/**
 * The viewer's id of each run: {@code <scenario>.<label>.<run-id>}, each part reduced to {@code
 * [A-Za-z0-9_-]}, with {@code .2}, {@code .3}, ... added when two runs would share one (run ids
 * repeat across labels and trees). The id names the run's data file and appears in page URLs, so it
 * can neither climb out of the data directory nor carry markup. Stateless.
 */
final class ViewIds {

  /** What an id may be made of; the pages check a URL's id against the same pattern. */
  static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}");

  private ViewIds() {}

  /** One unique id per run, in the runs' order. */
  static List<String> assign(List<RunRecord> runs) {
    Set<String> used = new HashSet<>();
    List<String> ids = new ArrayList<>(runs.size());
    for (RunRecord run : runs) {
      String base = part(run.scenario()) + "." + part(run.label()) + "." + part(run.runId());
      String id = base;
      for (int n = 2; !used.add(id.toLowerCase(Locale.ROOT)); n++) {
        // case-insensitive: two ids differing only in case would share a file on some systems
        id = base + "." + n;
      }
      if (!VALID.matcher(id).matches()) {
        throw new IllegalStateException("a viewer id the pages would refuse: " + id);
      }
      ids.add(id);
    }
    return ids;
  }

  private static String part(String text) {
    String part = text.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+", "");
    if (part.length() > 60) {
      part = part.substring(0, 60);
    }
    return part.isEmpty() ? "x" : part;
  }
}
