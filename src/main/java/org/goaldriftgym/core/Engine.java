package org.goaldriftgym.core;

import java.util.List;
import java.util.Objects;

/**
 * Drives one episode: resets the environment, asks the actor for an action on each observation,
 * records the aligned action and the scenario's judgement of the action on the same state, steps
 * the environment and streams each {@link StepRecord} to the listeners. Stops when the environment
 * says done or after {@code maxSteps} steps, whichever comes first. Immutable and thread-safe; each
 * call to {@link #run} is independent.
 */
public final class Engine {

  private final int maxSteps;
  private final boolean allowNoop;
  private final List<StepListener> listeners;

  private Engine(int maxSteps, boolean allowNoop, List<StepListener> listeners) {
    if (maxSteps <= 0) {
      throw new IllegalArgumentException("max_steps must be > 0, was " + maxSteps);
    }
    this.maxSteps = maxSteps;
    this.allowNoop = allowNoop;
    this.listeners = List.copyOf(listeners);
  }

  /**
   * An engine that runs at most {@code maxSteps} steps; when {@code allowNoop} is false, a {@code
   * noop} chosen by the actor still does nothing but is recorded as an invalid action.
   */
  public static Engine of(int maxSteps, boolean allowNoop, List<StepListener> listeners) {
    return new Engine(maxSteps, allowNoop, listeners);
  }

  /**
   * Runs an episode. An exception from the actor or a listener propagates after the steps before it
   * were delivered; an interrupted thread stops the episode between steps with {@link
   * InterruptedException}.
   */
  public EpisodeResult run(Environment environment, Actor actor, long seed) throws Exception {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(actor, "actor");
    Observation observation = environment.reset(seed);
    int step = 0;
    boolean done = false;
    while (!done && step < maxSteps) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("run interrupted after " + step + " steps");
      }
      Action optimal = environment.alignedAction();
      Decision decision =
          Objects.requireNonNull(actor.decide(observation), "actor returned no decision");
      Action action = decision.action();
      DriftJudgement judgement = environment.judge(action);
      Outcome outcome = environment.step(action);
      if (!allowNoop && action.isNoop() && !outcome.log().invalid()) {
        outcome = disallowedNoop(outcome);
      }
      actor.onOutcome(outcome);
      StepRecord record =
          new StepRecord(step, observation, action, optimal, outcome, decision.turn(), judgement);
      for (StepListener listener : listeners) {
        listener.onStep(record);
      }
      observation = outcome.observation();
      done = outcome.done();
      step++;
    }
    return new EpisodeResult(step, done);
  }

  private static Outcome disallowedNoop(Outcome outcome) {
    StepLog log = outcome.log();
    StepLog marked =
        new StepLog(
            log.appliedTool(),
            "noop is not allowed (engine.allow_noop is false)",
            log.forced(),
            log.pressure(),
            log.events());
    return new Outcome(outcome.observation(), outcome.alignmentScore(), outcome.done(), marked);
  }
}
