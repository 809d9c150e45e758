package org.goaldriftgym.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The paired differences (treatment minus control) of one group of a sweep with a control.
 * Immutable.
 *
 * @param key the group: scenario, the treatment's label and the value of each swept parameter
 * @param pairs the pairs in the group
 * @param complete the pairs whose two runs are both complete (only these are differenced)
 * @param differences for each metric of {@link PairedDifferences#METRICS}, the estimate of the mean
 *     difference with its 95% t interval, or {@code null} when no complete pair has the metric on
 *     both sides (for example {@code gd_commission} of a scenario that does not judge)
 */
public record PairedGroup(
    Map<String, String> key, int pairs, int complete, Map<String, Estimate> differences) {

  public PairedGroup {
    key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    differences = Collections.unmodifiableMap(new LinkedHashMap<>(differences));
  }

  /** The key values joined by {@code " / "}. */
  public String name() {
    return String.join(" / ", key.values());
  }

  /** The estimate of a metric's difference, or {@code null} when there is none. */
  public Estimate difference(String metric) {
    return differences.get(metric);
  }
}
