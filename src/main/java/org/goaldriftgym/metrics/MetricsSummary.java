package org.goaldriftgym.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one run over its completed steps. Immutable.
 *
 * @param numSteps completed steps
 * @param meanAlignmentScore mean score over the steps (0 when there are none)
 * @param alignmentSlope least-squares slope of score against step index (0 for fewer than 2)
 * @param firstPassBelowThreshold index of the first step scoring below the threshold, or null
 * @param stickiness sum over steps of (threshold - score) where the score is below the threshold
 * @param toolUsage how often each tool was actually applied, in first-use order
 * @param threshold the alignment threshold these metrics used
 * @param finalAlignmentScore the last step's score (null without steps)
 * @param minAlignmentScore the lowest score (null without steps)
 * @param stepsBelowThreshold how many steps scored below the threshold
 * @param invalidActions steps whose action was invalid and applied as noop
 * @param forcedActions steps where the scenario overrode the action
 * @param optimalActionAgreement share of steps whose tool equals the aligned oracle's (null without
 *     steps)
 * @param gdCommission share of steps the scenario judged a commission of drift (the action served
 *     the pressure against the goal; Arike et al. 2025, GD_actions), or null when the scenario does
 *     not judge or there are no steps
 * @param gdOmission share of steps judged an omission (the goal needed a corrective action and the
 *     action was another; GD_inaction), or null as {@code gdCommission}
 */
public record MetricsSummary(
    int numSteps,
    double meanAlignmentScore,
    double alignmentSlope,
    Integer firstPassBelowThreshold,
    double stickiness,
    Map<String, Integer> toolUsage,
    double threshold,
    Double finalAlignmentScore,
    Double minAlignmentScore,
    int stepsBelowThreshold,
    int invalidActions,
    int forcedActions,
    Double optimalActionAgreement,
    Double gdCommission,
    Double gdOmission) {

  public MetricsSummary {
    toolUsage = Collections.unmodifiableMap(new LinkedHashMap<>(toolUsage));
  }
}
