package org.goaldriftgym.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine loop against a scripted environment. */
class EngineTest {

  /**
   * Counts steps; says done after {@code doneAfter} steps (never when negative); scores step i as 1
   * - i/10; the aligned action is always "work"; an unknown tool is logged invalid.
   */
  static final class CountingEnvironment implements Environment {
    final int doneAfter;
    int step;
    Long seed;
    final List<Action> received = new ArrayList<>();

    CountingEnvironment(int doneAfter) {
      this.doneAfter = doneAfter;
    }

    @Override
    public Observation reset(long seed) {
      this.seed = seed;
      step = 0;
      return observation();
    }

    @Override
    public Outcome step(Action action) {
      received.add(action);
      boolean known = action.isNoop() || action.tool().equals("work");
      double score = 1 - step / 10.0;
      step++;
      StepLog log =
          new StepLog(
              known ? action.tool() : "noop", known ? null : "unknown tool", false, 0.0, List.of());
      return new Outcome(observation(), score, doneAfter >= 0 && step >= doneAfter, log);
    }

    @Override
    public Action alignedAction() {
      return Action.of("work");
    }

    private Observation observation() {
      return new Observation(
          step, "step " + step, Panels.builder().put("step", step).build(), List.of("work"));
    }
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void stopsAtMaxStepsWhenTheEnvironmentNeverSaysDone() throws Exception {
    CountingEnvironment env = new CountingEnvironment(-1);
    List<StepRecord> records = new ArrayList<>();
    EpisodeResult result =
        Engine.of(7, true, List.of(records::add)).run(env, o -> Action.of("work"), 99);

    assertEquals(new EpisodeResult(7, false), result);
    assertEquals(7, records.size());
    assertEquals(7, env.received.size());
    assertEquals(99L, env.seed);
  }

  @Test
  void stopsWhenTheEnvironmentSaysDoneBeforeMaxSteps() throws Exception {
    CountingEnvironment env = new CountingEnvironment(3);
    List<StepRecord> records = new ArrayList<>();
    EpisodeResult result =
        Engine.of(10, true, List.of(records::add)).run(env, o -> Action.of("work"), 1);

    assertEquals(new EpisodeResult(3, true), result);
    assertEquals(3, records.size());
    assertTrue(records.get(2).outcome().done());
  }

  @Test
  void everyListenerSeesTheRecordsInOrderWithTheObservationTheActorSaw() throws Exception {
    CountingEnvironment env = new CountingEnvironment(-1);
    List<String> seen = new ArrayList<>();
    List<StepRecord> first = new ArrayList<>();
    List<Observation> actorSaw = new ArrayList<>();
    StepListener a =
        r -> {
          first.add(r);
          seen.add("a" + r.step());
        };
    StepListener b = r -> seen.add("b" + r.step());
    Engine.of(3, true, List.of(a, b))
        .run(
            env,
            o -> {
              actorSaw.add(o);
              return Action.of("work");
            },
            1);

    assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2"), seen);
    for (int i = 0; i < 3; i++) {
      StepRecord record = first.get(i);
      assertEquals(i, record.step());
      assertSame(actorSaw.get(i), record.observation());
      assertEquals(i, record.observation().step());
      assertEquals("work", record.optimalAction().tool());
      assertEquals(1 - i / 10.0, record.outcome().alignmentScore());
      if (i > 0) {
        assertSame(first.get(i - 1).outcome().observation(), record.observation());
      }
    }
  }

  @Test
  void noopIsValidWhenAllowed() throws Exception {
    List<StepRecord> records = new ArrayList<>();
    Engine.of(2, true, List.of(records::add))
        .run(new CountingEnvironment(-1), o -> Action.noop(), 1);
    assertFalse(records.get(0).outcome().log().invalid());
  }

  @Test
  void noopIsRecordedInvalidWhenNotAllowed() throws Exception {
    List<StepRecord> records = new ArrayList<>();
    CountingEnvironment env = new CountingEnvironment(-1);
    Engine.of(2, false, List.of(records::add)).run(env, o -> Action.noop(), 1);

    for (StepRecord record : records) {
      assertTrue(record.outcome().log().invalid());
      assertTrue(record.outcome().log().invalidReason().contains("allow_noop"));
      assertEquals("noop", record.outcome().log().appliedTool());
    }
    assertEquals(2, env.received.size(), "the noop still reaches the environment and does nothing");
  }

  @Test
  void disallowedNoopKeepsTheEnvironmentsOwnReasonWhenItAlreadyRejectedTheCall() throws Exception {
    List<StepRecord> records = new ArrayList<>();
    Engine.of(1, false, List.of(records::add))
        .run(new CountingEnvironment(-1), o -> Action.of("fly", Map.of()), 1);
    assertEquals("unknown tool", records.get(0).outcome().log().invalidReason());
  }

  @Test
  void interruptBetweenStepsThrowsAfterDeliveringTheCompletedSteps() {
    List<StepRecord> records = new ArrayList<>();
    StepListener interruptAfterSecond =
        r -> {
          records.add(r);
          if (r.step() == 1) {
            Thread.currentThread().interrupt();
          }
        };
    CountingEnvironment env = new CountingEnvironment(-1);

    assertThrows(
        InterruptedException.class,
        () ->
            Engine.of(10, true, List.of(interruptAfterSecond)).run(env, o -> Action.of("work"), 1));
    assertEquals(2, records.size());
    assertEquals(2, env.received.size(), "no step starts after the interrupt");
  }

  @Test
  void exceptionFromTheActorPropagatesAfterTheEarlierStepsWereDelivered() {
    List<StepRecord> records = new ArrayList<>();
    Actor failsAtThree =
        o -> {
          if (o.step() == 3) {
            throw new IllegalStateException("boom");
          }
          return Action.of("work");
        };
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Engine.of(10, true, List.of(records::add))
                    .run(new CountingEnvironment(-1), failsAtThree, 1));
    assertEquals("boom", e.getMessage());
    assertEquals(3, records.size());
  }

  @Test
  void actorReturningNullIsAnError() {
    assertThrows(
        NullPointerException.class,
        () -> Engine.of(1, true, List.of()).run(new CountingEnvironment(-1), o -> null, 1));
  }

  @Test
  void maxStepsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Engine.of(0, true, List.of()));
    assertThrows(IllegalArgumentException.class, () -> Engine.of(-1, true, List.of()));
  }
}
