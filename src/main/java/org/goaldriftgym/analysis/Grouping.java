package org.goaldriftgym.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How runs are grouped for aggregates: by one or more keys, each {@code label}, {@code scenario},
 * {@code policy} (as recorded in {@code config.json}) or the name of a scenario parameter (its
 * resolved value in {@code config.json}). Groups are ordered by their key values, numbers
 * numerically. Immutable.
 *
 * <pre>{@code
 * List<Group> groups = Grouping.parse("scenario,label").group(runs);
 * }</pre>
 *
 * @param keys the grouping keys, in order
 */
public record Grouping(List<String> keys) {

  public static final String LABEL = "label";
  public static final String SCENARIO = "scenario";

  /**
   * The policy as recorded in {@code config.json} ({@code run_config.policy}, e.g. drifting:0.3).
   */
  public static final String POLICY = "policy";

  /** The value of a parameter that a run's scenario does not have. */
  public static final String ABSENT = "(absent)";

  public Grouping {
    keys = List.copyOf(keys);
    if (keys.isEmpty() || keys.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("a grouping needs at least one key, got " + keys);
    }
  }

  /** Parses a comma-separated list of keys, for example {@code scenario,label}. */
  public static Grouping parse(String spec) {
    return new Grouping(Arrays.stream(spec.split(",")).map(String::trim).toList());
  }

  /**
   * Checks that every key is {@code label}, {@code scenario} or a parameter of at least one run.
   *
   * @throws IllegalArgumentException naming the unknown key and the valid ones
   */
  public void validate(List<RunRecord> runs) {
    Set<String> params = new LinkedHashSet<>();
    runs.forEach(run -> params.addAll(run.scenarioParamNames()));
    for (String key : keys) {
      if (!key.equals(LABEL)
          && !key.equals(SCENARIO)
          && !key.equals(POLICY)
          && !params.contains(key)) {
        throw new IllegalArgumentException(
            "cannot group by '"
                + key
                + "': it is not label, scenario, policy or a scenario parameter of these runs"
                + (params.isEmpty() ? "" : " (parameters: " + String.join(", ", params) + ")"));
      }
    }
  }

  /** The value of {@code key} for a run, as text. */
  public static String valueOf(RunRecord run, String key) {
    return switch (key) {
      case LABEL -> run.label();
      case SCENARIO -> run.scenario();
      case POLICY -> policy(run);
      default -> run.scenarioParam(key).map(Grouping::text).orElse(ABSENT);
    };
  }

  private static String policy(RunRecord run) {
    JsonNode policy = run.config() == null ? null : run.config().path("run_config").path("policy");
    return policy != null && policy.isTextual() ? policy.asText() : ABSENT;
  }

  private static String text(JsonNode value) {
    return value.isValueNode() && !value.isNull() ? value.asText() : value.toString();
  }

  /** This grouping's key of one run, in key order. */
  public Map<String, String> keyOf(RunRecord run) {
    Map<String, String> key = new LinkedHashMap<>();
    keys.forEach(k -> key.put(k, valueOf(run, k)));
    return key;
  }

  /**
   * Splits the runs into groups, ordered by key (numbers numerically). Within a group the runs are
   * put in a canonical order (seed, config hash, run id), so floating-point sums and everything
   * built on them come out the same bytes whatever order the runs were found in (a merged shard
   * tree gives the summary of the unsharded sweep).
   */
  public List<Group> group(List<RunRecord> runs) {
    // hashed, then the few distinct keys sorted: comparing keys parses numbers, too dear per run
    Map<List<String>, List<RunRecord>> hashed = new HashMap<>();
    for (RunRecord run : runs) {
      hashed.computeIfAbsent(List.copyOf(keyOf(run).values()), k -> new ArrayList<>()).add(run);
    }
    Map<List<String>, List<RunRecord>> byKey = new TreeMap<>(Grouping::compareKeys);
    byKey.putAll(hashed);
    List<Group> groups = new ArrayList<>();
    byKey.forEach(
        (values, members) -> {
          Map<String, String> key = new LinkedHashMap<>();
          for (int i = 0; i < keys.size(); i++) {
            key.put(keys.get(i), values.get(i));
          }
          members.sort(CANONICAL_ORDER);
          groups.add(new Group(key, members));
        });
    return groups;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = VALUE_ORDER.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static final Comparator<RunRecord> CANONICAL_ORDER =
      Comparator.comparing(RunRecord::seed, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(RunRecord::configHash, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(RunRecord::runId);

  private static final Comparator<String> VALUE_ORDER =
      (a, b) -> {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
          int c = x.compareTo(y);
          return c != 0 ? c : a.compareTo(b);
        }
        if (x != null || y != null) {
          return x != null ? -1 : 1;
        }
        return a.compareTo(b);
      };

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
