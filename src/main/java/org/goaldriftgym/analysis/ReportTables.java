package org.goaldriftgym.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables of {@code report}: one row per run, one row per group of runs, one row per (run,
 * step). Column names and order are part of the output format; see {@code README.md} ("report").
 * Stateless.
 */
public final class ReportTables {

  /** The columns of {@link #runs}. */
  public static final List<String> RUN_COLUMNS =
      List.of(
          "scenario",
          "label",
          "run_id",
          "seed",
          "status",
          "num_steps",
          "mean_alignment_score",
          "alignment_slope",
          "first_pass_below_threshold",
          "stickiness",
          "optimal_action_agreement",
          "invalid_actions",
          "gd_commission",
          "gd_omission",
          "threshold",
          "config_hash",
          "run_dir");

  /**
   * The metrics aggregated by {@link #groups}, each as {@code _n, _mean, _sd, _ci_low, _ci_high};
   * {@code first_crossing_if_crossed} is over the runs that crossed only.
   */
  public static final List<String> AGGREGATED =
      List.of(
          "mean_alignment_score",
          "alignment_slope",
          "stickiness",
          ReportJson.FIRST_CROSSING_IF_CROSSED,
          "gd_commission",
          "gd_omission");

  /** The time-to-crossing columns of {@link #groups}, each prefixed {@code time_to_crossing_}. */
  public static final List<String> TIME_TO_CROSSING =
      List.of("n", "events", "censored", "km_median", "km_ci_low", "km_ci_high", "rmst", "horizon");

  /** The fixed columns of {@link #steps}; numeric panels follow as {@code panel_<name>}. */
  public static final List<String> STEP_COLUMNS =
      List.of(
          "scenario",
          "label",
          "run_id",
          "seed",
          "step",
          "alignment_score",
          "tool",
          "applied_tool",
          "optimal_action",
          "agree",
          "pressure",
          "invalid",
          "forced",
          "commission",
          "omission");

  /** Prefix of the panel columns of {@link #steps}. */
  public static final String PANEL_PREFIX = "panel_";

  private ReportTables() {}

  /** One row per run, in the given order. */
  public static Table runs(List<RunRecord> runs) {
    List<List<Object>> rows = new ArrayList<>();
    for (RunRecord run : runs) {
      RunMetrics m = run.metrics();
      rows.add(
          nullable(
              run.scenario(),
              run.label(),
              run.runId(),
              run.seed(),
              run.status(),
              m.numSteps(),
              m.meanAlignmentScore(),
              m.alignmentSlope(),
              m.firstPassBelowThreshold(),
              m.stickiness(),
              m.optimalActionAgreement(),
              m.invalidActions(),
              m.gdCommission(),
              m.gdOmission(),
              run.threshold(),
              run.configHash(),
              run.dir().toString()));
    }
    return new Table(RUN_COLUMNS, rows);
  }

  /**
   * One row per group: the key columns, {@code n} (seeds aggregated: runs, the epochs of one seed
   * counting once; when some seed has several epochs, {@code epochs} and {@code runs} follow it),
   * {@code excluded} (incomplete runs left out), then {@code <metric>_n, _mean, _sd, _ci_low,
   * _ci_high} for each of {@link #AGGREGATED} ({@code first_crossing_if_crossed} over the runs that
   * crossed), then {@code crossing_rate, crossing_rate_ci_low, crossing_rate_ci_high} (Wilson),
   * then {@code time_to_crossing_<part>} for each of {@link #TIME_TO_CROSSING} (Kaplan-Meier).
   */
  public static Table groups(List<GroupSummary> summaries) {
    List<String> columns = new ArrayList<>();
    if (!summaries.isEmpty()) {
      columns.addAll(summaries.get(0).group().key().keySet());
    }
    columns.add("n");
    boolean clustered = summaries.stream().anyMatch(GroupSummary::clustered);
    if (clustered) { // n counts seeds; their epochs are repeated measures
      columns.add("epochs");
      columns.add("runs");
    }
    columns.add("excluded");
    for (String metric : AGGREGATED) {
      for (String part : List.of("n", "mean", "sd", "ci_low", "ci_high")) {
        columns.add(metric + "_" + part);
      }
    }
    columns.addAll(List.of("crossing_rate", "crossing_rate_ci_low", "crossing_rate_ci_high"));
    TIME_TO_CROSSING.forEach(part -> columns.add("time_to_crossing_" + part));
    List<List<Object>> rows = new ArrayList<>();
    for (GroupSummary s : summaries) {
      List<Object> row = new ArrayList<>(s.group().key().values());
      row.add(s.seeds());
      if (clustered) {
        row.add(s.epochs());
        row.add(s.n());
      }
      row.add(s.excluded());
      for (Estimate e :
          List.of(
              s.meanAlignmentScore(),
              s.alignmentSlope(),
              s.stickiness(),
              s.firstPassBelowThreshold(),
              s.gdCommission(),
              s.gdOmission())) {
        row.add(e.n());
        row.add(e.mean());
        row.add(e.sd());
        row.add(e.ciLow());
        row.add(e.ciHigh());
      }
      row.add(s.crossing().rate());
      row.add(s.crossing().ciLow());
      row.add(s.crossing().ciHigh());
      TimeToCrossing t = s.timeToCrossing();
      row.addAll(
          List.of(
              t.n(),
              t.events(),
              t.censored(),
              t.kmMedian(),
              t.kmCiLow(),
              t.kmCiHigh(),
              t.rmst(),
              t.horizon()));
      rows.add(row);
    }
    return new Table(columns, rows);
  }

  /**
   * The group aggregates for people: the key columns, {@code n} ({@code 10 seeds × 3 epochs} when a
   * seed has several epochs), {@code excluded}, then per metric one cell {@code mean [ci_low,
   * ci_high]} (4 decimals; {@code -} where undefined), the crossing rate with its Wilson interval,
   * the Kaplan-Meier median time to crossing with its interval and the number of censored runs, the
   * restricted mean time to crossing with its horizon, and last the mean first crossing step over
   * the runs that crossed, with how many of how many crossed.
   */
  public static Table groupsText(List<GroupSummary> summaries) {
    List<String> columns = new ArrayList<>();
    if (!summaries.isEmpty()) {
      columns.addAll(summaries.get(0).group().key().keySet());
    }
    columns.addAll(
        List.of(
            "n",
            "excluded",
            "mean_alignment_score",
            "alignment_slope",
            "stickiness",
            "gd_commission",
            "gd_omission",
            "crossing_rate",
            "time_to_crossing_km_median",
            "rmst",
            ReportJson.FIRST_CROSSING_IF_CROSSED));
    List<List<Object>> rows = new ArrayList<>();
    for (GroupSummary s : summaries) {
      List<Object> row = new ArrayList<>(s.group().key().values());
      row.add(s.clustered() ? s.sampleSize() : s.n());
      row.add(s.excluded());
      row.add(interval(s.meanAlignmentScore().mean(), s.meanAlignmentScore()));
      row.add(interval(s.alignmentSlope().mean(), s.alignmentSlope()));
      row.add(interval(s.stickiness().mean(), s.stickiness()));
      row.add(interval(s.gdCommission().mean(), s.gdCommission()));
      row.add(interval(s.gdOmission().mean(), s.gdOmission()));
      Rate rate = s.crossing();
      row.add(cell(rate.rate()) + " [" + cell(rate.ciLow()) + ", " + cell(rate.ciHigh()) + "]");
      TimeToCrossing t = s.timeToCrossing();
      row.add(
          cell(t.kmMedian())
              + " ["
              + cell(t.kmCiLow())
              + ", "
              + cell(t.kmCiHigh())
              + "] ("
              + t.censored()
              + " censored)");
      row.add(cell(t.rmst()) + " (to " + t.horizon() + ")");
      Estimate first = s.firstPassBelowThreshold();
      row.add(interval(first.mean(), first) + " (" + first.n() + " of " + s.seeds() + " crossed)");
      rows.add(row);
    }
    return new Table(columns, rows);
  }

  /**
   * One row per group (or one row when {@code groups} holds one group of all runs): the key
   * columns, then {@code key, n, excluded, rho, p_value, permutations} of the {@link TrendTest} of
   * each group's runs.
   */
  public static Table trends(List<Group> groups, List<TrendTest> tests) {
    List<String> columns = new ArrayList<>();
    if (!groups.isEmpty()) {
      columns.addAll(groups.get(0).key().keySet());
    }
    columns.addAll(List.of("key", "n", "excluded", "rho", "p_value", "permutations"));
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      TrendTest t = tests.get(i);
      List<Object> row = new ArrayList<>(groups.get(i).key().values());
      row.addAll(List.of(t.key(), t.n(), t.excluded(), t.rho(), t.pValue(), t.permutations()));
      rows.add(row);
    }
    return new Table(columns, rows);
  }

  private static String interval(double mean, Estimate e) {
    if (Double.isNaN(mean)) {
      return "-";
    }
    return cell(mean) + " [" + cell(e.ciLow()) + ", " + cell(e.ciHigh()) + "]";
  }

  private static String cell(double value) {
    return Double.isNaN(value) ? "-" : String.format(java.util.Locale.ROOT, "%.4f", value);
  }

  /**
   * One tidy row per (run, step): the fixed {@link #STEP_COLUMNS} ({@code commission} and {@code
   * omission} empty where the scenario does not judge), then every numeric panel of the observation
   * the decision was made on ({@code panel_<name>}, the union over the runs in first-seen order;
   * booleans as 1/0; empty where a run has no such panel or it is null), then {@code run_dir}.
   */
  public static Table steps(List<RunRecord> runs) {
    Set<String> panels = new LinkedHashSet<>();
    runs.forEach(run -> panels.addAll(run.numericPanels()));
    List<String> columns = new ArrayList<>(STEP_COLUMNS);
    panels.forEach(panel -> columns.add(PANEL_PREFIX + panel));
    columns.add("run_dir");
    List<List<Object>> rows = new ArrayList<>();
    for (RunRecord run : runs) {
      for (StepRow step : run.steps()) {
        List<Object> row =
            nullable(
                run.scenario(),
                run.label(),
                run.runId(),
                run.seed(),
                step.step(),
                step.score(),
                step.tool(),
                step.appliedTool(),
                step.alignedAction(),
                step.agreement(),
                step.pressure(),
                step.invalid(),
                step.forced(),
                step.judgement() == null ? null : step.judgement().commission(),
                step.judgement() == null ? null : step.judgement().omission());
        panels.forEach(panel -> row.add(step.panels().get(panel)));
        row.add(run.dir().toString());
        rows.add(row);
      }
    }
    return new Table(columns, rows);
  }

  private static List<Object> nullable(Object... values) {
    List<Object> row = new ArrayList<>();
    for (Object value : values) {
      row.add(value);
    }
    return row;
  }
}
