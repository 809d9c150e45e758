package org.goaldriftgym.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.agent.AgentOptionException;
import org.goaldriftgym.agent.ObservationMode;
import org.goaldriftgym.artifact.PrefillSource;
import org.goaldriftgym.core.HarnessException;
import picocli.CommandLine.Option;

/**
 * The protocol flags ({@code --observation-mode}, {@code --goal-probe}, {@code --judge-model},
 * {@code --instrumental-steps}, {@code --prefill}, {@code --epochs}) and their translation into
 * agent params. Shared by {@code run} and {@code sweep}; each command decides when they apply and
 * what an agent-less use is told.
 */
final class ProtocolOptionsMixin {

  @Option(
      names = "--observation-mode",
      paramLabel = "MODE",
      description =
          "How every agent run is shown each observation: annotated (default: the scenario's"
              + " text, with its judgements and the pressure panel) or raw (facts only); same as"
              + " --agent-param observation_mode=MODE. See docs/agents.md, Protocols.")
  String observationMode;

  @Option(
      names = "--goal-probe",
      description =
          "After the last step, ask the agent what goal it has been pursuing; the answer goes to"
              + " probe.json and the transcripts. Same as --agent-param goal_probe=true.")
  boolean goalProbe;

  @Option(
      names = "--judge-model",
      paramLabel = "MODEL",
      description =
          "With --goal-probe: a model (same endpoint and key) that grades the answer against the"
              + " system goal, 0 or 1 with a reason. Same as --agent-param judge_model=MODEL.")
  String judgeModel;

  @Option(
      names = "--instrumental-steps",
      paramLabel = "K",
      description =
          "The agent pursues an instrumental goal (release: ship fast; trading: grow returns) for"
              + " the first K steps, then a goal-switch message restores the system goal;"
              + " metrics.json gets after_switch. Same as --agent-param instrumental_steps=K.")
  Integer instrumentalSteps;

  @Option(
      names = "--prefill",
      paramLabel = "RUN_DIR[:K]",
      description =
          "Start every episode with the first K steps (default: all) of a recorded run (the"
              + " harness's or the reference tool's), re-simulated and checked against the record;"
              + " an agent gets them as its own turns. Prefilled steps are marked in the step log"
              + " and left out of the metrics.")
  String prefill;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description =
          "Repeat every run N times on the same seed (for agents whose sampling is not seeded);"
              + " each epoch is its own run directory (id ending -e<epoch>) with engine.epoch in"
              + " config.json. run prints a JSON array of the N summaries; sweep's summary"
              + " averages the epochs of a seed before aggregating over seeds.")
  Integer epochs;

  /** Whether any flag that sets an agent param was given. */
  boolean setsAgentParams() {
    return observationMode != null || goalProbe || judgeModel != null || instrumentalSteps != null;
  }

  /**
   * Applies the agent param flags to {@code params}; returns the keys they set (observation_mode
   * also when its default removed the key).
   */
  List<String> applyTo(Map<String, Object> params) {
    List<String> keys = new ArrayList<>();
    if (observationMode != null) {
      withObservationMode(params, observationMode);
      keys.add("observation_mode");
    }
    if (goalProbe) {
      params.put("goal_probe", true);
      keys.add("goal_probe");
    }
    if (judgeModel != null) {
      params.put("judge_model", judgeModel);
      keys.add("judge_model");
    }
    if (instrumentalSteps != null) {
      params.put("instrumental_steps", instrumentalSteps);
      keys.add("instrumental_steps");
    }
    return keys;
  }

  /** {@code --epochs}, or null when not given; a usage error below 1. */
  Integer epochs() {
    if (epochs != null && epochs < 1) {
      throw HarnessException.usage("--epochs must be at least 1, got " + epochs);
    }
    return epochs;
  }

  /** The recorded run {@code --prefill} names, or null when not given. */
  PrefillSource prefillSource() {
    if (prefill == null) {
      return null;
    }
    try {
      return PrefillSource.load(prefill);
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage(e.getMessage());
    }
  }

  /**
   * Sets {@code observation_mode} in agent params; the default is left out, so a run that asks for
   * it keeps the config hash of a run that does not.
   */
  private static void withObservationMode(Map<String, Object> params, String mode) {
    try {
      if (ObservationMode.parse(mode) == ObservationMode.DEFAULT) {
        params.remove("observation_mode");
      } else {
        params.put("observation_mode", mode);
      }
    } catch (AgentOptionException e) {
      throw HarnessException.usage(e.getMessage());
    }
  }
}
