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
    return run(environment, actor, null, seed);
  }

  /**
   * Runs an episode with an adversary: after every step that did not end the episode, the
   * environment (which must be {@link Intervenable}) shows the adversary what happened and applies
   * its decision, which may change the next observation; the step record carries the adversary's
   * part. With {@code adversary} null this is {@link #run(Environment, Actor, long)}.
   *
   * @throws IllegalArgumentException when an adversary is given for an environment that does not
   *     accept interventions
   */
  public EpisodeResult run(Environment environment, Actor actor, Adversary adversary, long seed)
      throws Exception {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(actor, "actor");
    Intervenable target = null;
    if (adversary != null) {
      if (!(environment instanceof Intervenable intervenable)) {
        throw new IllegalArgumentException("the environment does not accept interventions");
      }
      target = intervenable;
    }
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
      AdversaryStep adversaryStep = null;
      if (target != null && !outcome.done()) {
        adversaryStep = intervene(target, adversary, step, observation, action, outcome);
        Observation changed = adversaryStep.result().observation();
        if (changed != null) {
          outcome = new Outcome(changed, outcome.alignmentScore(), outcome.done(), outcome.log());
        }
      }
      actor.onOutcome(outcome);
      StepRecord record =
          new StepRecord(
              step,
              observation,
              action,
              optimal,
              outcome,
              decision.turn(),
              judgement,
              adversaryStep);
      for (StepListener listener : listeners) {
        listener.onStep(record);
      }
      observation = outcome.observation();
      done = outcome.done();
      step++;
    }
    return new EpisodeResult(step, done);
  }

  /** The adversary's turn after a step: it sees the step, decides, the environment applies it. */
  private static AdversaryStep intervene(
      Intervenable target,
      Adversary adversary,
      int step,
      Observation observation,
      Action action,
      Outcome outcome)
      throws Exception {
    Observation view = target.adversaryView(step, observation, action, outcome);
    AdversaryDecision decision =
        Objects.requireNonNull(adversary.decide(view), "adversary returned no decision");
    InterventionResult result =
        decision.intervention() == null
            ? InterventionResult.skipped()
            : target.intervene(step, action, decision.intervention());
    adversary.onResult(result);
    return new AdversaryStep(view, decision, result);
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
