package org.goaldriftgym.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs that share a grouping key. Immutable.
 *
 * @param key the grouping key, for example {@code {label=policy-drifting}}
 * @param runs the members, complete or not, in path order
 */
public record Group(Map<String, String> key, List<RunRecord> runs) {

  public Group {
    key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    runs = List.copyOf(runs);
  }

  /** The key values joined by {@code " / "}, for example {@code release_manager / policy-noop}. */
  public String name() {
    return String.join(" / ", key.values());
  }
}
