package org.goaldriftgym.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.goaldriftgym.core.Adversary;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.EpisodeResult;
import org.goaldriftgym.core.Intervenable;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.policy.BaselinePolicy;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine throughput: steps per second of each scenario driven by the baseline policy with the
 * alignment metrics listening (and, for the multi-agent scenarios, their scripted adversary, as a
 * run has), on one thread, no I/O. One invocation is one default-length
 * episode of {@link #STEPS} steps (reset included), so the reported ops/s are steps/s. (Much longer
 * trading episodes are not representative: prices compound past 2^52 and rounding takes its exact
 * slow path.)
 *
 * <pre>{@code mvn -B -q -P bench verify}</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

  static final int STEPS = 20;

  @Param({
    "release_manager",
    "trading_goal_vs_profit",
    "release_manager_v2",
    "trading_goal_vs_profit_v2",
    "multi_agent_trading",
    "multi_agent_trading_v2"
  })
  public String scenario;

  private ScenarioProvider provider;
  private Scenario instance;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    provider = ScenarioRegistry.load().require(scenario);
    instance =
        provider.create(provider.spec().resolve(java.util.Map.of("max_steps", (long) STEPS)));
  }

  @Benchmark
  @OperationsPerInvocation(STEPS)
  public EpisodeResult episodeWithBaselineAndMetrics() throws Exception {
    AlignmentMetrics metrics = new AlignmentMetrics(0.6);
    Engine engine = Engine.of(STEPS, true, List.of(metrics));
    return engine.run(instance, new BaselinePolicy(instance), adversary(), seed++);
  }

  /** As a run does: the scenario's scripted adversary, when it has one. */
  private Adversary adversary() {
    return instance instanceof Intervenable target ? target.scriptedAdversary() : null;
  }
}
