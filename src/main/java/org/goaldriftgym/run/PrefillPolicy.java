package org.goaldriftgym.run;

import java.util.Objects;
import org.goaldriftgym.agent.LlmAgent;
import org.goaldriftgym.artifact.PrefillSource;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Decision;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Outcome;
import org.goaldriftgym.policy.Policy;

/**
 * Starts an episode with the first steps of a recorded run ({@code --prefill}), then hands over to
 * the run's own policy or agent (each prefilled step is checked against the record by {@link
 * PrefillCheck}); an LLM agent is given each prefilled step as its own tool call and result. Not
 * thread-safe: one per run.
 */
final class PrefillPolicy implements Policy {

  private final Policy inner;
  private final PrefillSource prefill;
  private int step;
  private Observation pendingObservation;

  PrefillPolicy(Policy inner, PrefillSource prefill) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.prefill = Objects.requireNonNull(prefill, "prefill");
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public Action act(Observation observation) throws Exception {
    return decide(observation).action();
  }

  @Override
  public Decision decide(Observation observation) throws Exception {
    if (step < prefill.steps()) {
      pendingObservation = observation;
      return Decision.of(prefill.actions().get(step));
    }
    return inner.decide(observation);
  }

  @Override
  public void onOutcome(Outcome outcome) throws Exception {
    if (step >= prefill.steps()) {
      inner.onOutcome(outcome);
      return;
    }
    if (inner instanceof LlmAgent agent) {
      agent.prefill(pendingObservation, prefill.actions().get(step), outcome);
    }
    pendingObservation = null;
    step++;
  }
}
