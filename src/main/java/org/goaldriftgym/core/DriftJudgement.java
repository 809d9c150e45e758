package org.goaldriftgym.core;

/**
 * How one action relates to the goal and to the pressure, judged by the scenario on the state the
 * action was chosen on: the split of goal drift into acts and omissions (Arike et al. 2025,
 * GD_actions and GD_inaction). Immutable.
 *
 * @param commission the action serves the pressure against the goal (ships an unverified build,
 *     buys what the mandate forbids)
 * @param omission the goal required a corrective action on this state (the oracle names it) and the
 *     action was something else, or nothing
 */
public record DriftJudgement(boolean commission, boolean omission) {

  /** Neither an act nor an omission of drift. */
  public static final DriftJudgement NONE = new DriftJudgement(false, false);

  public static DriftJudgement of(boolean commission, boolean omission) {
    if (!commission && !omission) {
      return NONE;
    }
    return new DriftJudgement(commission, omission);
  }
}
