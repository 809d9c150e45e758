package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.goaldriftgym.agent.AgentFactory;
import org.goaldriftgym.agent.ApiKeys;
import org.goaldriftgym.agent.FakeModel;
import org.goaldriftgym.agent.LoopbackHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code view}: the site's data files (what they hold, that they are ASCII and hand their object to
 * the page), the aggregates taken from {@code analysis}, skips, and refusing a directory that is
 * not a site. The pages themselves are checked in a browser by {@link ViewerBrowserTest}.
 */
class ViewCommandTest {

  /** Text a model could send: markup and script that must reach the page as text only. */
  static final String HOSTILE =
      "<img src=x onerror=\"console.error('xss')\"><script>console.error('xss')</script>"
          + " \u00e9\u2028 & </pre>";

  static Path temp;
  static Cli cli;
  static Path site;
  static Path agentRun;
  static Path baseline;
  static Path drifting;

  /**
   * Makes the runs and the site once for this class and {@link ViewerBrowserTest}: release_manager
   * seed 1 baseline and drifting (the same run id under two labels), trading seed 2 drifting, and a
   * three-step agent run; deleted when the JVM exits.
   */
  @BeforeAll
  static synchronized void makeRunsOnce() throws IOException {
    if (site != null) {
      return;
    }
    temp = Files.createTempDirectory("gdg-view-test");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> Browser.deleteTree(temp)));
    cli = new Cli(temp);
    baseline = cli.ok("--scenario", "release_manager", "--seed", "1").runDir();
    drifting =
        cli.ok("--scenario", "release_manager", "--seed", "1", "--policy", "drifting").runDir();
    cli.ok("--scenario", "trading_goal_vs_profit", "--seed", "2", "--policy", "drifting");
    agentRun = agentRun(temp);
    Cli.Result result = view(temp.resolve("site"), cli.runsRoot.toString());
    assertEquals(0, result.code(), result.err());
    site = temp.resolve("site");
  }

  /** A three-step agent run whose model replies with markup in its reasoning and its text. */
  static Path agentRun(Path temp) throws IOException {
    try (MockWebServer server = LoopbackHttp.server()) {
      server.start();
      ObjectNode message = FakeModel.toolCalls(FakeModel.call("call_1", "run_tests", "{}"));
      message.put("content", "Running the tests first. " + HOSTILE);
      message.put("reasoning", "The goal says reliability first. " + HOSTILE);
      server.setDispatcher(
          new FakeModel(
              body -> FakeModel.ok(FakeModel.reply(message, FakeModel.usage(120, 0.002)))));
      AgentFactory agents =
          AgentFactory.builder()
              .secrets(ApiKeys.of(temp, name -> name.equals("OPENROUTER_API_KEY") ? "sk-x" : null))
              .http(LoopbackHttp.client())
              .sleeper(d -> {})
              .jitter(() -> 0.5)
              .clock(Clock.fixed(Cli.NOW, ZoneOffset.UTC))
              .nanoTime(new AtomicLong()::incrementAndGet)
              .build();
      Main.Environment environment =
          new Main.Environment(
              Clock.fixed(Cli.NOW, ZoneOffset.UTC), temp, () -> 4242L, false, agents);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new PrintWriter(out),
              new PrintWriter(err),
              environment,
              new String[] {
                "run",
                "--runs-root",
                temp.resolve("runs").toString(),
                "--artifacts-root",
                temp.resolve("artifacts").toString(),
                "--scenario",
                "release_manager",
                "--seed",
                "1",
                "--max-steps",
                "3",
                "--agent",
                "openrouter",
                "--model",
                "openai/gpt-4o",
                "--agent-param",
                "base_url=" + server.url("/api/v1")
              });
      assertEquals(0, code, err.toString());
      return Path.of(Cli.JSON.readTree(out.toString()).get("run_dir").asText());
    }
  }

  static Cli.Result view(Path output, String... paths) {
    List<String> args = new ArrayList<>(List.of("view", "--output", output.toString()));
    args.addAll(List.of(paths));
    return cli.raw(args.toArray(String[]::new));
  }

  /** The object a data script hands to the page: {@code callback(<json>);}. */
  static JsonNode script(Path file, String callback) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      assertTrue(text.startsWith(callback + "("), text.substring(0, 40));
      assertTrue(text.endsWith(");\n"), file.toString());
      return Cli.JSON.readTree(text.substring(callback.length() + 1, text.length() - 3));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode index() {
    return script(site.resolve("data/index.js"), "gdgIndex");
  }

  static String idOf(Path runDir) {
    JsonNode index = index();
    int idColumn = column(index, "id");
    int runIdColumn = column(index, "run_id");
    int labelColumn = column(index, "label");
    String label = runDir.getParent().getFileName().toString();
    for (JsonNode row : index.get("runs")) {
      if (row.get(runIdColumn).asText().equals(runDir.getFileName().toString())
          && row.get(labelColumn).asText().equals(label)) {
        return row.get(idColumn).asText();
      }
    }
    throw new AssertionError("no run " + runDir + " in the index");
  }

  static int column(JsonNode index, String name) {
    List<String> columns = new ArrayList<>();
    index.get("columns").forEach(c -> columns.add(c.asText()));
    assertTrue(columns.contains(name), columns.toString());
    return columns.indexOf(name);
  }

  static JsonNode runData(Path runDir) {
    return script(site.resolve("data/runs/" + idOf(runDir) + ".js"), "gdgRun");
  }

  @Test
  void theSiteHasThePagesTheIndexAndOneDataFilePerRun() throws IOException {
    for (String page :
        List.of("index.html", "run.html", "compare.html", "assets/common.js", "assets/view.css")) {
      assertTrue(Files.isRegularFile(site.resolve(page)), page);
    }
    JsonNode index = index();
    assertEquals(4, index.get("runs").size());
    Set<String> ids = new HashSet<>();
    int idColumn = column(index, "id");
    for (JsonNode row : index.get("runs")) {
      String id = row.get(idColumn).asText();
      assertTrue(id.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*"), id);
      assertTrue(ids.add(id), "duplicate id " + id);
      assertTrue(Files.isRegularFile(site.resolve("data/runs/" + id + ".js")), id);
    }
    try (Stream<Path> files = Files.list(site.resolve("data/runs"))) {
      assertEquals(4, files.count());
    }
    // no page refers to anything outside the site
    for (String page : List.of("index.html", "run.html", "compare.html")) {
      String html = Files.readString(site.resolve(page));
      assertFalse(
          html.contains("http:") || html.contains("https:") || html.contains("//cdn"), page);
    }
  }

  @Test
  void aRunsDataHoldsEveryStepWithWhatWasSeenDoneAndScored() {
    JsonNode run = runData(drifting);
    List<JsonNode> log = Cli.readJsonl(drifting.resolve("step_log.jsonl"));
    JsonNode steps = run.get("steps");
    assertEquals(log.size(), steps.size());
    for (int i = 0; i < log.size(); i++) {
      JsonNode line = log.get(i);
      JsonNode step = steps.get(i);
      assertEquals(line.at("/observation/message"), step.get("message"));
      assertEquals(line.at("/observation/panels"), step.get("panels"));
      assertEquals(line.at("/action/tool"), step.get("tool"));
      assertEquals(line.at("/action/optimal_action"), step.get("aligned"));
      assertEquals(line.at("/outcome/alignment_score"), step.get("score"));
      assertEquals(line.at("/outcome/log/events"), step.get("events"));
      assertEquals(line.at("/outcome/log/pressure").asDouble(), step.get("pressure").asDouble());
    }
    assertEquals("drifting", run.get("policy").asText());
    List<String> peers = new ArrayList<>();
    run.get("peers").forEach(peer -> peers.add(peer.get("id").asText()));
    assertTrue(peers.contains(idOf(baseline)), "the control on the same seed: " + peers);
    assertFalse(peers.contains(idOf(drifting)), "not the run itself");
  }

  @Test
  void anAgentTurnIsKeptAsTextAndTheDataIsAscii() throws IOException {
    Path file = site.resolve("data/runs/" + idOf(agentRun) + ".js");
    byte[] bytes = Files.readAllBytes(file);
    for (byte b : bytes) {
      assertTrue(b >= 0, "a byte outside ASCII in " + file);
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    assertTrue(text.contains("\\u2028") && text.contains("\\u00E9"), "escaped non-ASCII");
    JsonNode agent = runData(agentRun).at("/steps/0/agent");
    assertEquals("The goal says reliability first. " + HOSTILE, agent.get("reasoning").asText());
    assertEquals("run_tests", agent.at("/tool_calls/0/name").asText());
    assertEquals(0.002, agent.at("/usage/cost").asDouble(), 1e-12);
    assertEquals("openai/gpt-4o", runData(agentRun).get("model").asText());
  }

  @Test
  void groupAggregatesAreThoseOfReport() throws IOException {
    Cli.Result report =
        cli.raw(
            "report", cli.runsRoot.toString(), "--group-by", "scenario,label", "--format", "json");
    assertEquals(0, report.code(), report.err());
    JsonNode groups = index().get("groups");
    JsonNode expected = report.json();
    assertEquals(expected.size(), groups.size());
    for (int i = 0; i < groups.size(); i++) {
      for (String key :
          List.of("group", "n", "mean_alignment_score", "alignment_slope", "crossing_rate")) {
        assertEquals(expected.get(i).get(key), groups.get(i).get(key), key);
      }
      for (JsonNode point : groups.get(i).get("curve")) {
        assertEquals(4, point.size(), "n, mean, ci_low, ci_high");
      }
    }
  }

  @Test
  void judgementMetricsAreShownWhenMetricsJsonHasThem() throws IOException {
    Path runs = temp.resolve("judged");
    Cli judged = new Cli(runs);
    Path dir = judged.ok("--scenario", "release_manager", "--seed", "3").runDir();
    ObjectNode metrics = (ObjectNode) Cli.readJson(dir.resolve("metrics.json"));
    metrics.put("gd_commission", 0.25);
    metrics.put("gd_omission", 0.1);
    Files.writeString(dir.resolve("metrics.json"), metrics.toString());
    Path out = temp.resolve("judged-site");
    assertEquals(0, view(out, judged.runsRoot.toString()).code());
    JsonNode index = script(out.resolve("data/index.js"), "gdgIndex");
    assertTrue(index.get("judged").asBoolean());
    JsonNode row = index.get("runs").get(0);
    assertEquals(0.25, row.get(column(index, "gd_commission")).asDouble());
    assertEquals(0.1, row.get(column(index, "gd_omission")).asDouble());
    assertEquals(0.25, index.at("/groups/0/gd_commission/mean").asDouble());

    Path unjudgedRuns = temp.resolve("unjudged");
    Path unjudged =
        new Cli(unjudgedRuns).ok("--scenario", "release_manager", "--seed", "3").runDir();
    ObjectNode plain = (ObjectNode) Cli.readJson(unjudged.resolve("metrics.json"));
    plain.remove("gd_commission");
    plain.remove("gd_omission");
    Files.writeString(unjudged.resolve("metrics.json"), plain.toString());
    Path plainOut = temp.resolve("unjudged-site");
    assertEquals(0, view(plainOut, unjudgedRuns.toString()).code());
    assertFalse(
        script(plainOut.resolve("data/index.js"), "gdgIndex").get("judged").asBoolean(),
        "no key, no column");
  }

  @Test
  void skippedInputsAreListedAndExitOne() throws IOException {
    Path broken = temp.resolve("broken/release_manager/x/run1");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("meta.json"), "{not json");
    Path out = temp.resolve("partial-site");
    Cli.Result result = view(out, cli.runsRoot.toString(), temp.resolve("broken").toString());
    assertEquals(1, result.code(), result.err());
    assertTrue(result.err().contains("skipped"), result.err());
    JsonNode index = script(out.resolve("data/index.js"), "gdgIndex");
    assertEquals(4, index.get("runs").size());
    assertEquals(1, index.get("skipped").size());
    assertTrue(index.get("skipped").get(0).asText().contains("meta.json"));
  }

  @Test
  void aDirectoryThatIsNotASiteIsRefusedAndASiteIsRewritten() throws IOException {
    Path other = temp.resolve("not-a-site");
    Files.createDirectories(other);
    Files.writeString(other.resolve("notes.txt"), "mine");
    Cli.Result refused = view(other, cli.runsRoot.toString());
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("not empty"), refused.err());
    try (Stream<Path> files = Files.list(other)) {
      assertEquals(1, files.count(), "nothing written");
    }

    Path again = temp.resolve("again");
    assertEquals(0, view(again, cli.runsRoot.toString()).code());
    assertEquals(0, view(again, baseline.toString()).code());
    try (Stream<Path> files = Files.list(again.resolve("data/runs"))) {
      assertEquals(1, files.count(), "the runs no longer given are gone");
    }
  }

  @Test
  void theSameRunsGiveTheSameBytes() throws IOException {
    Path again = temp.resolve("same-again");
    assertEquals(0, view(again, cli.runsRoot.toString()).code());
    List<Path> first = Cli.tree(site);
    List<Path> second = Cli.tree(again);
    assertEquals(
        first.stream().map(p -> site.relativize(p).toString()).sorted().toList(),
        second.stream().map(p -> again.relativize(p).toString()).sorted().toList());
    for (Path file : first) {
      if (Files.isRegularFile(file)) {
        Path other = again.resolve(site.relativize(file).toString());
        assertTrue(
            Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(other)), file.toString());
      }
    }
  }

  @Test
  void theReferenceToolsRunsAreShownToo() {
    Path out = temp.resolve("reference-site");
    Cli.Result result = view(out, Path.of("src/test/resources/reference-runs").toString());
    assertEquals(0, result.code(), result.err());
    JsonNode index = script(out.resolve("data/index.js"), "gdgIndex");
    assertEquals(5, index.get("runs").size());
    String id = index.get("runs").get(0).get(column(index, "id")).asText();
    JsonNode run = script(out.resolve("data/runs/" + id + ".js"), "gdgRun");
    assertTrue(run.get("steps").size() > 0);
    assertTrue(run.at("/steps/0/aligned").isNull(), "the reference records no aligned action");
  }
}
