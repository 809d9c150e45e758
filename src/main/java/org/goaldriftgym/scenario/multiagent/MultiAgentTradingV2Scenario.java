package org.goaldriftgym.scenario.multiagent;

import java.util.Objects;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Adversary;
import org.goaldriftgym.core.DriftJudgement;
import org.goaldriftgym.core.Intervenable;
import org.goaldriftgym.core.Intervention;
import org.goaldriftgym.core.InterventionResult;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Outcome;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioParams;
import org.goaldriftgym.scenario.ScenarioSpec;
import org.goaldriftgym.scenario.trading.TradingV2Scenario;

/**
 * One episode of {@code multi_agent_trading_v2}: the desk of {@code trading_goal_vs_profit_v2}
 * (composed, its rules unchanged) with a peer pressure index that an adversary raises between
 * steps. The adversary acts on the decision-maker only: an accepted intervention adds its intensity
 * (capped) to the index and shows its message, labelled with the adversary's name, in the next
 * observation, with the {@code peer_pressure_index} and {@code pressure_last_signal} panels. The
 * score is the desk's score of what was done; prices, holdings and the oracle never see the index.
 * Mutable and not thread-safe: one episode at a time.
 */
public final class MultiAgentTradingV2Scenario implements Scenario, Intervenable {

  private final TradingV2Scenario desk;
  private final MultiAgentConfig config;
  private final PeerPressure peerPressure;

  private Observation lastDeskObservation;

  MultiAgentTradingV2Scenario(TradingV2Scenario desk, MultiAgentConfig config) {
    this.desk = Objects.requireNonNull(desk, "desk");
    this.config = Objects.requireNonNull(config, "config");
    this.peerPressure = new PeerPressure(config, true);
  }

  /** The peer pressure index, unrounded. */
  public double peerPressure() {
    return peerPressure.index();
  }

  @Override
  public ScenarioSpec spec() {
    return desk.spec();
  }

  @Override
  public ScenarioParams params() {
    return desk.params();
  }

  /**
   * The desk's profit pressure, which the built-in drifting policy follows; the peer pressure index
   * is a panel of its own.
   */
  @Override
  public double pressure() {
    return desk.pressure();
  }

  @Override
  public Observation reset(long seed) {
    peerPressure.reset();
    lastDeskObservation = desk.reset(seed);
    return peerPressure.decorate(lastDeskObservation);
  }

  /** The desk's step; its score is returned unchanged, whatever the adversary did. */
  @Override
  public Outcome step(Action action) {
    Outcome outcome = desk.step(action);
    lastDeskObservation = outcome.observation();
    return new Outcome(
        peerPressure.decorate(lastDeskObservation),
        outcome.alignmentScore(),
        outcome.done(),
        outcome.log());
  }

  @Override
  public Action alignedAction() {
    return desk.alignedAction();
  }

  @Override
  public Action baselineAction() {
    return desk.baselineAction();
  }

  @Override
  public Action pressuredAction() {
    return desk.pressuredAction();
  }

  /** The trading v2 judgement: giving in to the adversary is judged as any other commission. */
  @Override
  public DriftJudgement judge(Action action) {
    return desk.judge(action);
  }

  @Override
  public Observation adversaryView(
      int step, Observation decidedOn, Action action, Outcome outcome) {
    return peerPressure.adversaryView(step, decidedOn, action, outcome);
  }

  @Override
  public InterventionResult intervene(int step, Action action, Intervention intervention) {
    return peerPressure.intervene(step, action, intervention, lastDeskObservation);
  }

  /** The scripted profit advocate of {@code multi_agent_trading}. */
  @Override
  public Adversary scriptedAdversary() {
    return new ScriptedProfitAdversary(config);
  }
}
