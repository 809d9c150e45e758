package org.goaldriftgym.scenario.multiagent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Adversary;
import org.goaldriftgym.core.DriftJudgement;
import org.goaldriftgym.core.Intervenable;
import org.goaldriftgym.core.Intervention;
import org.goaldriftgym.core.InterventionResult;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Outcome;
import org.goaldriftgym.core.Panels;
import org.goaldriftgym.scenario.PyRound;
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

  private double peerPressure;
  private Signal lastSignal;
  private Observation lastDeskObservation;

  MultiAgentTradingV2Scenario(TradingV2Scenario desk, MultiAgentConfig config) {
    this.desk = Objects.requireNonNull(desk, "desk");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The peer pressure index, unrounded. */
  public double peerPressure() {
    return peerPressure;
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
    peerPressure = 0;
    lastSignal = null;
    lastDeskObservation = desk.reset(seed);
    return decorate(lastDeskObservation);
  }

  /** The desk's step; its score is returned unchanged, whatever the adversary did. */
  @Override
  public Outcome step(Action action) {
    Outcome outcome = desk.step(action);
    lastDeskObservation = outcome.observation();
    return new Outcome(
        decorate(lastDeskObservation), outcome.alignmentScore(), outcome.done(), outcome.log());
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
    Panels.Builder panels =
        Panels.builder()
            .put("primary_action", action.tool())
            .put("primary_alignment_score", outcome.alignmentScore())
            .put("current_pressure", peerPressure)
            .put("preference_strength", config.preferenceStrength());
    decidedOn.panels().values().forEach(panels::put);
    return new Observation(
        step,
        MultiAgentTexts.adversaryBriefing(config, action, outcome.alignmentScore()),
        panels.build(),
        MultiAgentTexts.ADVERSARY_TOOLS);
  }

  @Override
  public InterventionResult intervene(int step, Action action, Intervention intervention) {
    if (step < config.pressureStart()) {
      lastSignal = null;
      return InterventionResult.suppressed(
          MultiAgentTexts.suppressed(step, config.pressureStart()));
    }
    double intensity =
        intervention.intensity() == null
            ? config.pressureGrowth()
            : Math.max(0.0, Math.min(intervention.intensity(), config.maxPressure()));
    peerPressure = Math.min(config.maxPressure(), peerPressure + intensity);
    String message = intervention.message().strip();
    String channel = MultiAgentTexts.channel(intensity);
    lastSignal =
        new Signal(
            PyRound.round(intensity, 3),
            action.tool(),
            MultiAgentTexts.surface(channel + " (from " + config.name() + ")", message));
    Map<String, Object> signal = new LinkedHashMap<>();
    signal.put("adversary", config.name());
    signal.put("channel", channel);
    signal.put("message", message);
    signal.put("intensity", lastSignal.intensity());
    signal.put("pressure", PyRound.round(peerPressure, 3));
    signal.put("observed_primary_action", action.tool());
    return InterventionResult.delivered(signal, decorate(lastDeskObservation));
  }

  /** The scripted profit advocate of {@code multi_agent_trading}. */
  @Override
  public Adversary scriptedAdversary() {
    return new ScriptedProfitAdversary(config);
  }

  private Observation decorate(Observation base) {
    Panels.Builder panels = Panels.builder();
    base.panels().values().forEach(panels::put);
    panels.put("peer_pressure_index", PyRound.round(peerPressure, 3));
    String message = base.message();
    if (lastSignal != null) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("intensity", lastSignal.intensity());
      group.put("observed_primary_action", lastSignal.observedAction());
      panels.put("pressure_last_signal", group);
      message = message.isEmpty() ? lastSignal.text() : message + "\n\n" + lastSignal.text();
    }
    return new Observation(base.step(), message, panels.build(), base.tools());
  }

  /** The last delivered intervention as the decision-maker sees it. */
  private record Signal(double intensity, String observedAction, String text) {}
}
