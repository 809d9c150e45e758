package org.goaldriftgym.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.goaldriftgym.agent.FakeModel;
import org.goaldriftgym.agent.LoopbackHttp;
import org.goaldriftgym.cli.Main;

/**
 * An agent sweep against a local OpenAI-compatible server that takes {@link #LATENCY_MS} per
 * reply: {@link #EPISODES} episodes x {@link #STEPS} steps with {@code --max-concurrency}
 * {@link #CONCURRENCY}, timed against the ideal bound (requests x latency / concurrency, since
 * each episode's steps are sequential). Loopback only; bounded in count and time.
 *
 * <pre>{@code mvn -B -q -P bench verify -Djmh.skip=true}</pre>
 */
public final class AgentSweepBenchmark {

  static final int EPISODES = 32;
  static final int STEPS = 12;
  static final int CONCURRENCY = 16;
  static final long LATENCY_MS = 200;

  private AgentSweepBenchmark() {}

  public static void main(String[] args) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    try (MockWebServer server = LoopbackHttp.server()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
              int now = inFlight.incrementAndGet();
              maxInFlight.accumulateAndGet(now, Math::max);
              requests.incrementAndGet();
              Thread.sleep(LATENCY_MS);
              inFlight.decrementAndGet();
              return FakeModel.ok(
                  FakeModel.reply(
                      FakeModel.toolCalls(FakeModel.call("c1", "check_canary", "{}")),
                      FakeModel.usage(500, 0.0001)));
            }
          });
      server.start();
      Path temp = Files.createTempDirectory("agent-sweep-bench");
      Path config = temp.resolve("agent.yaml");
      Files.writeString(
          config,
          "scenario: release_manager\n"
              + "engine: {max_steps: "
              + STEPS
              + "}\n"
              + "agent:\n"
              + "  type: openai-compatible\n"
              + "  model: bench/model\n"
              + "  base_url: "
              + server.url("/v1")
              + "\n");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      long start = System.nanoTime();
      int code =
          Main.run(
              new PrintWriter(out),
              new PrintWriter(err),
              "sweep",
              "--config",
              config.toString(),
              "--seeds",
              "1.." + EPISODES,
              "--max-concurrency",
              Integer.toString(CONCURRENCY),
              "--quiet",
              "--runs-root",
              temp.resolve("runs").toString(),
              "--artifacts-root",
              temp.resolve("artifacts").toString());
      double seconds = (System.nanoTime() - start) / 1e9;
      double ideal = (double) EPISODES * STEPS * LATENCY_MS / 1000.0 / CONCURRENCY;
      System.out.printf(
          java.util.Locale.ROOT,
          "agent sweep: exit %d, %d episodes x %d steps, %d requests, max %d in flight,"
              + " wall %.2f s, ideal %.2f s (%.0f%% of ideal)%n",
          code,
          EPISODES,
          STEPS,
          requests.get(),
          maxInFlight.get(),
          seconds,
          ideal,
          100 * ideal / seconds);
      if (code != 0) {
        System.out.println(err);
      }
    }
  }
}
