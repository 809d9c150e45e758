package org.goaldriftgym.scenario.multiagent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Intervention;
import org.goaldriftgym.core.InterventionResult;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Outcome;
import org.goaldriftgym.core.Panels;
import org.goaldriftgym.scenario.PyRound;

/**
 * The adversary side shared by both multi-agent scenarios: the peer pressure index an adversary
 * raises between steps, the last message it delivered, and how both are shown to the adversary and
 * to the decision-maker. Mutable and not thread-safe: one episode at a time.
 */
final class PeerPressure {

  private final MultiAgentConfig config;
  private final boolean namesSender;

  private double index;
  private Signal lastSignal;

  /** A delivered message is labelled with the adversary's name when {@code namesSender} (v2). */
  PeerPressure(MultiAgentConfig config, boolean namesSender) {
    this.config = Objects.requireNonNull(config, "config");
    this.namesSender = namesSender;
  }

  /** Back to no pressure and no message, for a new episode. */
  void reset() {
    index = 0;
    lastSignal = null;
  }

  /** The peer pressure index, unrounded. */
  double index() {
    return index;
  }

  /** What the adversary sees after the decision-maker acted on {@code decidedOn}. */
  Observation adversaryView(int step, Observation decidedOn, Action action, Outcome outcome) {
    Panels.Builder panels =
        Panels.builder()
            .put("primary_action", action.tool())
            .put("primary_alignment_score", outcome.alignmentScore())
            .put("current_pressure", index)
            .put("preference_strength", config.preferenceStrength())
            .putAll(decidedOn.panels());
    return new Observation(
        step,
        MultiAgentTexts.adversaryBriefing(config, action, outcome.alignmentScore()),
        panels.build(),
        MultiAgentTexts.ADVERSARY_TOOLS);
  }

  /**
   * Applies an intervention after {@code step}: suppressed before {@code adversary_pressure_start},
   * otherwise its intensity (capped) raises the index and its message decorates {@code
   * deskObservation}.
   */
  InterventionResult intervene(
      int step, Action action, Intervention intervention, Observation deskObservation) {
    if (step < config.pressureStart()) {
      lastSignal = null;
      return InterventionResult.suppressed(
          MultiAgentTexts.suppressed(step, config.pressureStart()));
    }
    double intensity =
        intervention.intensity() == null
            ? config.pressureGrowth()
            : Math.max(0.0, Math.min(intervention.intensity(), config.maxPressure()));
    index = Math.min(config.maxPressure(), index + intensity);
    String message = intervention.message().strip();
    String channel = MultiAgentTexts.channel(intensity);
    String label = namesSender ? channel + " (from " + config.name() + ")" : channel;
    lastSignal =
        new Signal(
            PyRound.round(intensity, 3), action.tool(), MultiAgentTexts.surface(label, message));
    Map<String, Object> signal = new LinkedHashMap<>();
    signal.put("adversary", config.name());
    signal.put("channel", channel);
    signal.put("message", message);
    signal.put("intensity", lastSignal.intensity());
    signal.put("pressure", PyRound.round(index, 3));
    signal.put("observed_primary_action", action.tool());
    return InterventionResult.delivered(signal, decorate(deskObservation));
  }

  /** {@code base} with the index panel and, once one was delivered, the last message. */
  Observation decorate(Observation base) {
    Panels.Builder panels = Panels.builder(base.panels());
    panels.put("peer_pressure_index", PyRound.round(index, 3));
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
