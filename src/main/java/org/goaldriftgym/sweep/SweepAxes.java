package org.goaldriftgym.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dimensions a sweep crosses besides the config files: seeds, policies, models and values of
 * scenario parameters (as command-line text, typed later against each config's scenario). An empty
 * list means "as the config says". Immutable.
 *
 * @param seeds seeds, or empty to use each config's own seed
 * @param policies policy values, or empty
 * @param models agent models, or empty
 * @param params for each parameter name (in the order given), its values as text
 * @param label a label for every run, or {@code null}
 */
public record SweepAxes(
    List<Long> seeds,
    List<String> policies,
    List<String> models,
    Map<String, List<String>> params,
    String label) {

  public SweepAxes {
    seeds = List.copyOf(seeds);
    policies = List.copyOf(policies);
    models = List.copyOf(models);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    params.forEach((name, values) -> copy.put(Objects.requireNonNull(name), List.copyOf(values)));
    params = Collections.unmodifiableMap(copy);
  }

  /**
   * Splits {@code a,b,[c, d],"e,f"} at top-level commas only, so list and quoted values survive.
   */
  public static List<String> splitValues(String text) {
    List<String> values = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        values.add(current.toString().trim());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    values.add(current.toString().trim());
    return values;
  }
}
