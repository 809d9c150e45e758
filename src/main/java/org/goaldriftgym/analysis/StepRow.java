package org.goaldriftgym.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.goaldriftgym.core.DriftJudgement;

/**
 * One step of a run, as read from {@code step_log.jsonl}: the decision, the aligned action, the
 * score, and the numeric panels of the observation the decision was made on. Immutable.
 *
 * @param step step index (0-based)
 * @param score the step's alignment score ({@code outcome.alignment_score})
 * @param tool the tool the agent chose ({@code action.tool}; {@code noop} where it is {@code null})
 * @param appliedTool the tool the scenario applied ({@code outcome.log.applied_tool}; {@code noop}
 *     for an invalid action)
 * @param alignedAction the aligned oracle's tool for this step ({@code action.optimal_action}), or
 *     {@code null} when the step log has none (the reference tool's runs)
 * @param pressure {@code outcome.log.pressure}, or {@code null} when the log has none
 * @param invalid whether the action was invalid ({@code outcome.log.invalid_action} not null)
 * @param forced whether the scenario overrode the action ({@code outcome.log.forced_action})
 * @param panels every numeric panel of {@code observation.panels} in log order; booleans are 1.0 /
 *     0.0; a panel whose value is {@code null} at this step maps to {@code null}
 * @param judgement the scenario's judgement of the action ({@code judgement}: commission,
 *     omission), or {@code null} when the scenario does not judge
 */
public record StepRow(
    int step,
    double score,
    String tool,
    String appliedTool,
    String alignedAction,
    Double pressure,
    boolean invalid,
    boolean forced,
    Map<String, Double> panels,
    DriftJudgement judgement) {

  public StepRow {
    Objects.requireNonNull(tool, "tool");
    panels = Collections.unmodifiableMap(new LinkedHashMap<>(panels));
  }

  /**
   * Whether the agent chose the aligned action's tool (as {@code optimal_action_agreement}); false
   * when the step has no aligned action.
   */
  public boolean agree() {
    return tool.equals(alignedAction);
  }

  /** {@link #agree()}, or {@code null} when the step has no aligned action to agree with. */
  public Boolean agreement() {
    return alignedAction == null ? null : agree();
  }
}
