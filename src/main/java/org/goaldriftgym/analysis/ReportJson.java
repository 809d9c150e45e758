package org.goaldriftgym.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.goaldriftgym.artifact.Json;

/**
 * The JSON documents of {@code report}, keys in a fixed order. Stateless.
 *
 * <ul>
 *   <li>{@link #single}: the shape of the reference tool's report ({@code summary}, {@code
 *       metrics}, {@code meta}, {@code config}).
 *   <li>{@link #groups}: per group, the key, {@code n} (seeds; with epochs also {@code epochs}, the
 *       most runs of one seed, and {@code runs}), {@code excluded}, an object per metric with
 *       {@code n, mean, sd, ci_low, ci_high}, the crossing rate, the time to crossing
 *       (Kaplan-Meier) and the commission and omission shares.
 * </ul>
 */
public final class ReportJson {

  /**
   * The key of the mean first crossing step over the runs that crossed: conditional on crossing, so
   * it is named as such, with the number of runs it was taken from ({@code n}) and out of ({@code
   * runs}).
   */
  public static final String FIRST_CROSSING_IF_CROSSED = "first_crossing_if_crossed";

  private ReportJson() {}

  /**
   * One run: {@code summary} (run, scenario, created_at, seed, num_steps, mean_alignment_score,
   * alignment_slope, first_pass_below_threshold, stickiness, agent, then status and run_dir),
   * {@code metrics} ({@code metrics.json} as written, or recomputed for a running run), {@code
   * meta} ({@code meta.json}) and {@code config} ({@code config.json}'s {@code run_config}).
   */
  public static ObjectNode single(RunRecord run) {
    ObjectNode root = Json.object();
    ObjectNode summary = root.putObject("summary");
    RunMetrics m = run.metrics();
    summary.put("run", run.dir().getFileName().toString());
    summary.put("scenario", run.scenario());
    summary.put("created_at", run.createdAt());
    Table.put(summary, "seed", run.seed());
    summary.put("num_steps", m.numSteps());
    summary.put("mean_alignment_score", m.meanAlignmentScore());
    summary.put("alignment_slope", m.alignmentSlope());
    Table.put(summary, "first_pass_below_threshold", m.firstPassBelowThreshold());
    summary.put("stickiness", m.stickiness());
    summary.set("agent", run.config().path("run_config").path("agent").deepCopy());
    if (summary.get("agent").isMissingNode()) {
      summary.putNull("agent");
    }
    summary.put("status", run.status());
    summary.put("run_dir", run.dir().toString());
    if (run.metricsJson() != null) {
      root.set("metrics", run.metricsJson().deepCopy());
    } else {
      root.set("metrics", recomputed(m));
    }
    root.set("meta", run.meta().deepCopy());
    root.set("config", run.config().path("run_config").deepCopy());
    return root;
  }

  private static ObjectNode recomputed(RunMetrics m) {
    ObjectNode node = Json.object();
    node.put("num_steps", m.numSteps());
    node.put("mean_alignment_score", m.meanAlignmentScore());
    node.put("alignment_slope", m.alignmentSlope());
    Table.put(node, "first_pass_below_threshold", m.firstPassBelowThreshold());
    node.put("stickiness", m.stickiness());
    node.set("tool_usage", Json.tree(m.toolUsage()));
    Table.put(node, "optimal_action_agreement", m.optimalActionAgreement());
    node.put("invalid_actions", m.invalidActions());
    Table.put(node, "gd_commission", m.gdCommission());
    Table.put(node, "gd_omission", m.gdOmission());
    node.put("recomputed_from_step_log", true);
    return node;
  }

  /** The group aggregates; see the class comment. */
  public static ArrayNode groups(List<GroupSummary> summaries) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (GroupSummary s : summaries) {
      ObjectNode node = array.addObject();
      ObjectNode key = node.putObject("group");
      s.group().key().forEach(key::put);
      node.put("n", s.seeds());
      if (s.clustered()) { // n counts seeds; their epochs are repeated measures
        node.put("epochs", s.epochs());
        node.put("runs", s.n());
      }
      node.put("excluded", s.excluded());
      estimate(node.putObject("mean_alignment_score"), s.meanAlignmentScore());
      estimate(node.putObject("alignment_slope"), s.alignmentSlope());
      estimate(node.putObject("stickiness"), s.stickiness());
      ObjectNode first = node.putObject(FIRST_CROSSING_IF_CROSSED);
      estimate(first, s.firstPassBelowThreshold());
      first.put("runs", s.n());
      ObjectNode rate = node.putObject("crossing_rate");
      rate.put("crossed", s.crossing().successes());
      rate.put("n", s.crossing().n());
      if (s.clustered()) {
        rate.put("runs", s.crossing().runs());
      }
      Table.put(rate, "rate", s.crossing().rate());
      Table.put(rate, "ci_low", s.crossing().ciLow());
      Table.put(rate, "ci_high", s.crossing().ciHigh());
      timeToCrossing(node.putObject("time_to_crossing"), s.timeToCrossing());
      estimate(node.putObject("gd_commission"), s.gdCommission());
      estimate(node.putObject("gd_omission"), s.gdOmission());
    }
    return array;
  }

  /**
   * {@code n, events, censored, km_median, km_ci_low, km_ci_high, rmst, horizon}; null where
   * undefined.
   */
  public static void timeToCrossing(ObjectNode node, TimeToCrossing t) {
    node.put("n", t.n());
    node.put("events", t.events());
    node.put("censored", t.censored());
    Table.put(node, "km_median", t.kmMedian());
    Table.put(node, "km_ci_low", t.kmCiLow());
    Table.put(node, "km_ci_high", t.kmCiHigh());
    Table.put(node, "rmst", t.rmst());
    node.put("horizon", t.horizon());
    if (t.clustered()) { // the intervals are the cluster bootstrap's
      node.put("seeds", t.seeds());
    }
  }

  private static void estimate(ObjectNode node, Estimate e) {
    node.put("n", e.n());
    Table.put(node, "mean", e.mean());
    Table.put(node, "sd", e.sd());
    Table.put(node, "ci_low", e.ciLow());
    Table.put(node, "ci_high", e.ciHigh());
  }
}
