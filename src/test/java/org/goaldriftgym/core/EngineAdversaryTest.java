package org.goaldriftgym.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's adversary turn: when it happens, what it sees and what it changes. */
class EngineAdversaryTest {

  /** A counting environment that accepts interventions after steps >= 1 and counts them. */
  static final class Target implements Environment, Intervenable {
    final EngineTest.CountingEnvironment inner;
    final List<Integer> views = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    int delivered;

    Target(int doneAfter) {
      inner = new EngineTest.CountingEnvironment(doneAfter);
    }

    @Override
    public Observation reset(long seed) {
      delivered = 0;
      return inner.reset(seed);
    }

    @Override
    public Outcome step(Action action) {
      calls.add("step");
      return inner.step(action);
    }

    @Override
    public Action alignedAction() {
      return inner.alignedAction();
    }

    @Override
    public Observation adversaryView(int step, Observation decidedOn, Action action, Outcome o) {
      calls.add("view");
      views.add(step);
      return new Observation(step, "saw " + action.tool(), Panels.builder().build(), List.of());
    }

    @Override
    public InterventionResult intervene(int step, Action action, Intervention intervention) {
      calls.add("intervene");
      if (step < 1) {
        return InterventionResult.suppressed("too early");
      }
      delivered++;
      Observation next =
          new Observation(
              step + 1,
              intervention.message(),
              Panels.builder().put("delivered", delivered).build(),
              List.of("work"));
      return InterventionResult.delivered(Map.of("n", delivered), next);
    }
  }

  @Test
  void theAdversaryActsAfterEveryStepButTheLastAndItsMessageIsTheNextObservation()
      throws Exception {
    Target env = new Target(4);
    List<StepRecord> records = new ArrayList<>();
    List<Observation> seen = new ArrayList<>();
    List<String> results = new ArrayList<>();
    Adversary adversary =
        new Adversary() {
          @Override
          public AdversaryDecision decide(Observation view) {
            return view.step() == 2
                ? AdversaryDecision.skip()
                : AdversaryDecision.deliver("push " + view.step(), 0.5);
          }

          @Override
          public void onResult(InterventionResult result) {
            results.add(result.status());
          }
        };
    EpisodeResult result =
        Engine.of(10, true, List.of(records::add))
            .run(
                env,
                o -> {
                  seen.add(o);
                  return Action.of("work");
                },
                adversary,
                1);

    assertEquals(new EpisodeResult(4, true), result);
    assertEquals(List.of(0, 1, 2), env.views, "no adversary turn after the step that ends it");
    assertEquals(List.of("suppressed", "delivered", "skipped"), results);
    assertEquals(
        List.of("step", "view", "intervene", "step", "view", "intervene", "step", "view", "step"),
        env.calls,
        "a skip is not sent to the environment");
    assertEquals("push 1", seen.get(2).message());
    assertEquals("push 1", records.get(1).outcome().observation().message());
    assertEquals("step 3", seen.get(3).message(), "after a skip the observation is unchanged");
    assertEquals("suppressed", records.get(0).adversary().result().status());
    assertEquals("too early", records.get(0).adversary().result().note());
    assertEquals(0.5, records.get(1).adversary().decision().intervention().intensity());
    assertNull(records.get(3).adversary());
  }

  @Test
  void withoutAnAdversaryNothingIsAsked() throws Exception {
    Target env = new Target(3);
    List<StepRecord> records = new ArrayList<>();
    Engine.of(10, true, List.of(records::add)).run(env, o -> Action.of("work"), 1);
    assertEquals(List.of("step", "step", "step"), env.calls);
    assertTrue(records.stream().allMatch(r -> r.adversary() == null));
  }

  @Test
  void anAdversaryNeedsAnEnvironmentThatAcceptsInterventions() {
    EngineTest.CountingEnvironment env = new EngineTest.CountingEnvironment(3);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Engine.of(10, true, List.of())
                .run(env, o -> Action.of("work"), view -> AdversaryDecision.skip(), 1));
  }

  @Test
  void interventionsCheckTheirValues() {
    assertThrows(IllegalArgumentException.class, () -> new Intervention(" ", null));
    assertThrows(IllegalArgumentException.class, () -> new Intervention("x", 1.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> new InterventionResult("maybe", null, Map.of(), null));
  }
}
