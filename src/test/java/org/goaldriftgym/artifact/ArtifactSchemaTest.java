package org.goaldriftgym.artifact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.goaldriftgym.agent.FakeModel;
import org.goaldriftgym.agent.LoopbackHttp;
import org.goaldriftgym.cli.Main;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.run.JudgedRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs real runs in-process through {@link Main#run} and validates every JSON artifact against the
 * JSON Schemas in {@code docs/schemas/}, so the documented schemas and the writers cannot drift
 * apart. Negative cases prove the schemas actually reject malformed files.
 */
class ArtifactSchemaTest {

  private static final Path SCHEMAS = Path.of("docs/schemas");
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private static final JsonSchema CONFIG_SCHEMA = schema("config.schema.json");
  private static final JsonSchema META_SCHEMA = schema("meta.schema.json");
  private static final JsonSchema METRICS_SCHEMA = schema("metrics.schema.json");
  private static final JsonSchema STEP_SCHEMA = schema("step_record.schema.json");

  private static final String INVALID_ACTION = "{\"tool\":\"buy_green\",\"args\":[1]}";

  @TempDir Path temp;

  private static JsonSchema schema(String file) {
    try {
      return FACTORY.getSchema(
          Json.MAPPER.readTree(Files.readString(SCHEMAS.resolve(file))), CONFIG);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read schema " + SCHEMAS.resolve(file), e);
    }
  }

  /** A run's command line, built once the temporary directory is known. */
  @FunctionalInterface
  interface RunArgs {
    List<String> in(Path dir) throws IOException;
  }

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of(
            "release_manager baseline",
            (RunArgs) dir -> List.of("--scenario", "release_manager", "--seed", "7")),
        Arguments.of(
            "release_manager drifting",
            (RunArgs)
                dir ->
                    List.of(
                        "--scenario", "release_manager", "--seed", "7", "--policy", "drifting")),
        Arguments.of(
            "multi_agent_trading baseline (scripted adversary, panel groups)",
            (RunArgs) dir -> List.of("--scenario", "multi_agent_trading", "--seed", "7")),
        Arguments.of(
            "trading baseline",
            (RunArgs) dir -> List.of("--scenario", "trading_goal_vs_profit", "--seed", "7")),
        Arguments.of(
            "trading drifting:0.3",
            (RunArgs)
                dir ->
                    List.of(
                        "--scenario",
                        "trading_goal_vs_profit",
                        "--seed",
                        "7",
                        "--policy",
                        "drifting:0.3")),
        Arguments.of(
            "trading replay with an invalid action",
            (RunArgs)
                dir -> {
                  Path actions = dir.resolve("actions.jsonl");
                  Files.writeString(
                      actions,
                      INVALID_ACTION
                          + "\n{\"tool\":\"review_esg\"}\n"
                          + "{\"tool\":\"buy_green\",\"args\":{\"quantity\":\"lots\"}}\n",
                      UTF_8);
                  return List.of(
                      "--scenario",
                      "trading_goal_vs_profit",
                      "--seed",
                      "3",
                      "--max-steps",
                      "3",
                      "--policy",
                      "replay:" + actions);
                }),
        Arguments.of(
            "release_manager noop from a YAML config, allow_noop false",
            (RunArgs)
                dir -> {
                  Path config = dir.resolve("noop.yaml");
                  Files.writeString(
                      config,
                      String.join(
                          "\n",
                          "scenario: release_manager",
                          "scenario_params:",
                          "  pressure_growth: 0.3",
                          "engine:",
                          "  max_steps: 5",
                          "  seed: 11",
                          "  allow_noop: false",
                          "policy: noop",
                          "metrics:",
                          "  alignment:",
                          "    threshold: 0.7",
                          "metadata:",
                          "  note: schema test",
                          ""),
                      UTF_8);
                  return List.of("--config", config.toString(), "--label", "Schema Test/noop");
                }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void everyArtifactOfARunMatchesItsSchema(String name, RunArgs args) throws IOException {
    Path runDir = run(args.in(temp));
    JsonNode config = read(runDir.resolve("config.json"));
    JsonNode meta = read(runDir.resolve("meta.json"));
    JsonNode metrics = read(runDir.resolve("metrics.json"));
    assertValid(CONFIG_SCHEMA, config, "config.json");
    assertValid(META_SCHEMA, meta, "meta.json");
    assertValid(METRICS_SCHEMA, metrics, "metrics.json");

    List<String> lines = Files.readAllLines(runDir.resolve("step_log.jsonl"), UTF_8);
    assertFalse(lines.isEmpty(), "empty step log");
    for (int i = 0; i < lines.size(); i++) {
      JsonNode record = Json.MAPPER.readTree(lines.get(i));
      assertValid(STEP_SCHEMA, record, "step_log.jsonl line " + (i + 1));
      assertEquals(i, record.get("step").asInt());
    }

    // What the schemas cannot say: the files agree with each other.
    assertEquals("complete", meta.get("status").asText());
    assertEquals(runDir.getFileName().toString(), meta.get("run_id").asText());
    assertEquals(ConfigDocument.hashOf(config), meta.get("config_hash").asText());
    assertEquals(lines.size(), metrics.get("num_steps").asInt());
    assertEquals(
        config.at("/run_config/engine/seed").asLong(), config.at("/scenario_config/seed").asLong());
    assertEquals(
        config.at("/run_config/engine/max_steps").asInt(),
        config.at("/scenario_config/max_steps").asInt());
  }

  @Test
  void replayedInvalidActionIsRecordedNotThrown() throws IOException {
    Path actions = temp.resolve("actions.jsonl");
    Files.writeString(actions, INVALID_ACTION + "\n", UTF_8);
    Path runDir =
        run(
            List.of(
                "--scenario",
                "trading_goal_vs_profit",
                "--seed",
                "3",
                "--max-steps",
                "1",
                "--policy",
                "replay:" + actions));
    JsonNode record =
        Json.MAPPER.readTree(Files.readAllLines(runDir.resolve("step_log.jsonl"), UTF_8).get(0));
    assertValid(STEP_SCHEMA, record, "step_log.jsonl line 1");
    assertEquals("buy_green", record.at("/action/tool").asText());
    assertTrue(record.at("/action/args_problem").isTextual(), record.toString());
    assertTrue(record.at("/outcome/log/invalid_action").isTextual(), record.toString());
    assertEquals("noop", record.at("/outcome/log/applied_tool").asText());
    assertEquals(1, read(runDir.resolve("metrics.json")).get("invalid_actions").asInt());
  }

  /**
   * An LLM agent run against MockWebServer whose replies take every interpretation path (tool call,
   * several calls, JSON in text, nothing, an unknown tool, unreadable arguments), recorded through
   * a reply cache: config, meta (agent_transport), metrics (agent_usage) and every step (the
   * agent's fields) match the schemas.
   */
  @Test
  void agentRunArtifactsMatchTheSchemas() throws Exception {
    List<MockResponse> replies =
        List.of(
            FakeModel.ok(
                FakeModel.reply(
                    FakeModel.toolCalls(FakeModel.call("c0", "buy_green", "{\"quantity\": 50}")),
                    FakeModel.usage(100, 0.001))),
            FakeModel.ok(
                FakeModel.reply(
                    FakeModel.toolCalls(
                        FakeModel.call("c1", "review_esg", "{}"),
                        FakeModel.call("c2", "buy_brown", "{\"quantity\": 5}")),
                    null)),
            FakeModel.ok(
                FakeModel.reply(
                    FakeModel.text("```json\n{\"tool\": \"review_profit\", \"args\": {}}\n```"),
                    FakeModel.usage(120, 0.002))),
            FakeModel.ok(FakeModel.reply(FakeModel.text("Waiting."), null)),
            FakeModel.ok(
                FakeModel.reply(FakeModel.toolCalls(FakeModel.call("c3", "buy_gold", "{}")), null)),
            FakeModel.ok(
                FakeModel.reply(
                    FakeModel.toolCalls(FakeModel.call("c4", "sell_green", "[1]")), null)));
    try (MockWebServer server = LoopbackHttp.server()) {
      server.setDispatcher(new FakeModel(FakeModel.script(replies::get)));
      server.start();
      Path runDir =
          run(
              List.of(
                  "--scenario",
                  "trading_goal_vs_profit",
                  "--seed",
                  "7",
                  "--max-steps",
                  "6",
                  "--agent",
                  "openai-compatible",
                  "--model",
                  "local/model",
                  "--agent-param",
                  "base_url=" + server.url("/v1"),
                  "--agent-param",
                  "read_timeout_s=5",
                  "--cache",
                  temp.resolve("cache").toString()));
      JsonNode config = read(runDir.resolve("config.json"));
      JsonNode meta = read(runDir.resolve("meta.json"));
      JsonNode metrics = read(runDir.resolve("metrics.json"));
      assertValid(CONFIG_SCHEMA, config, "config.json");
      assertValid(META_SCHEMA, meta, "meta.json");
      assertValid(METRICS_SCHEMA, metrics, "metrics.json");
      assertEquals("agent", config.at("/run_config/policy").asText());
      assertEquals(6, meta.at("/agent_transport/requests").asInt());
      assertEquals(
          "{\"tool_call\":2,\"text\":1,\"none\":1,\"invalid\":2}",
          metrics.at("/agent_usage/interpretations").toString());
      assertEquals(2, metrics.get("invalid_actions").asInt());
      List<String> lines = Files.readAllLines(runDir.resolve("step_log.jsonl"), UTF_8);
      assertEquals(6, lines.size());
      for (int i = 0; i < lines.size(); i++) {
        JsonNode record = Json.MAPPER.readTree(lines.get(i));
        assertValid(STEP_SCHEMA, record, "agent step " + i);
        assertTrue(record.at("/action/prompt").isTextual());
      }
      ObjectNode bad = (ObjectNode) Json.MAPPER.readTree(lines.get(0));
      ((ObjectNode) bad.get("action")).put("interpretation", "guess");
      assertInvalid(STEP_SCHEMA, bad, "unknown interpretation");
      ObjectNode secret = config.deepCopy();
      ((ObjectNode) secret.at("/run_config/agent/params")).put("api_key", "sk-x");
      assertInvalid(CONFIG_SCHEMA, secret, "a key in the agent params");
    }
  }

  @Test
  void replayOfARunDirectoryMatchesTheSchemas() throws IOException {
    Path first =
        run(List.of("--scenario", "release_manager", "--seed", "5", "--policy", "drifting:0.2"));
    Path replay =
        run(List.of("--scenario", "release_manager", "--seed", "5", "--policy", "replay:" + first));
    for (String line : Files.readAllLines(replay.resolve("step_log.jsonl"), UTF_8)) {
      assertValid(STEP_SCHEMA, Json.MAPPER.readTree(line), "replayed step");
    }
    assertValid(CONFIG_SCHEMA, read(replay.resolve("config.json")), "config.json");
    assertValid(META_SCHEMA, read(replay.resolve("meta.json")), "meta.json");
  }

  @Test
  void aPrefilledRunMatchesTheSchemas() throws IOException {
    Path first =
        run(List.of("--scenario", "release_manager", "--seed", "5", "--policy", "drifting:0.2"));
    Path prefilled =
        run(List.of("--scenario", "release_manager", "--seed", "5", "--prefill", first + ":4"));
    List<String> lines = Files.readAllLines(prefilled.resolve("step_log.jsonl"), UTF_8);
    for (String line : lines) {
      assertValid(STEP_SCHEMA, Json.MAPPER.readTree(line), "prefilled run step");
    }
    assertTrue(lines.get(3).contains("\"prefilled\":true"), lines.get(3));
    assertValid(CONFIG_SCHEMA, read(prefilled.resolve("config.json")), "config.json");
    assertValid(METRICS_SCHEMA, read(prefilled.resolve("metrics.json")), "metrics.json");
  }

  /** Statuses and empty runs the CLI cannot easily produce in a test, from the writers directly. */
  @Test
  void metaOfEveryStatusAndMetricsWithoutStepsMatchTheSchemas() {
    RunDirectory dir =
        new RunDirectory("20260101-000000-s-3-2", "release_manager", "policy-noop", temp, temp);
    RunMeta running =
        RunMeta.started(
            dir, Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(64), -3, null, List.of("run"));
    assertValid(META_SCHEMA, running.toJson(), "running meta");
    Instant end = Instant.parse("2026-01-01T00:00:01.123456789Z");
    assertValid(
        META_SCHEMA, running.finish(end, RunStatus.COMPLETE, null, null).toJson(), "complete");
    for (RunStatus status :
        List.of(RunStatus.FAILED, RunStatus.INTERRUPTED, RunStatus.BUDGET_EXCEEDED)) {
      assertValid(
          META_SCHEMA, running.finish(end, status, "boom", null).toJson(), status.wireName());
    }
    assertValid(
        METRICS_SCHEMA, MetricsJson.encode(new AlignmentMetrics(0.6).summary()), "empty metrics");
  }

  /** A scenario that judges (fake, {@link JudgedRuns}): judgement objects and shares validate. */
  @Test
  void judgedRunArtifactsMatchTheSchemas() throws IOException {
    Path runDir = JudgedRuns.run(temp, "drifting", 4, 6, 3);
    List<String> lines = Files.readAllLines(runDir.resolve("step_log.jsonl"), UTF_8);
    ObjectNode judged = (ObjectNode) Json.MAPPER.readTree(lines.get(0));
    assertTrue(judged.has("judgement"));
    assertValid(STEP_SCHEMA, judged, "judged step");
    assertValid(STEP_SCHEMA, Json.MAPPER.readTree(lines.get(5)), "unjudged step");
    ObjectNode bad = judged.deepCopy();
    ((ObjectNode) bad.get("judgement")).put("commission", "yes");
    assertInvalid(STEP_SCHEMA, bad, "commission as a string");
    Path whole = JudgedRuns.run(temp, "drifting", 5, 6, -1);
    JsonNode metrics = read(whole.resolve("metrics.json"));
    assertTrue(metrics.get("gd_commission").isNumber());
    assertValid(METRICS_SCHEMA, metrics, "judged metrics");
    assertInvalid(
        METRICS_SCHEMA, ((ObjectNode) metrics.deepCopy()).put("gd_omission", 1.5), "share > 1");
  }

  @Test
  void schemasRejectMalformedArtifacts() throws IOException {
    Path runDir = run(List.of("--scenario", "release_manager", "--seed", "7", "--max-steps", "3"));
    ObjectNode meta = (ObjectNode) read(runDir.resolve("meta.json"));
    ObjectNode config = (ObjectNode) read(runDir.resolve("config.json"));
    ObjectNode metrics = (ObjectNode) read(runDir.resolve("metrics.json"));
    ObjectNode record =
        (ObjectNode)
            Json.MAPPER.readTree(
                Files.readAllLines(runDir.resolve("step_log.jsonl"), UTF_8).get(0));

    assertInvalid(META_SCHEMA, meta.deepCopy().put("status", "bogus"), "status bogus");
    assertInvalid(META_SCHEMA, meta.deepCopy().put("error", "boom"), "complete with an error");
    assertInvalid(META_SCHEMA, meta.deepCopy().putNull("finished_at"), "complete, not finished");
    assertInvalid(META_SCHEMA, meta.deepCopy().put("config_hash", "abc"), "short config hash");
    assertInvalid(
        META_SCHEMA, meta.deepCopy().put("created_at", "yesterday"), "created_at not a date");
    ObjectNode noSeed = meta.deepCopy();
    noSeed.remove("seed");
    assertInvalid(META_SCHEMA, noSeed, "meta without seed");

    ObjectNode noOutcome = record.deepCopy();
    noOutcome.remove("outcome");
    assertInvalid(STEP_SCHEMA, noOutcome, "step record without outcome");
    ObjectNode stringScore = record.deepCopy();
    ((ObjectNode) stringScore.get("outcome")).put("alignment_score", "1.0");
    assertInvalid(STEP_SCHEMA, stringScore, "alignment_score as a string");
    ObjectNode listPanel = record.deepCopy();
    ((ObjectNode) listPanel.at("/observation/panels")).putArray("pressure");
    assertInvalid(STEP_SCHEMA, listPanel, "panel value that is a list");

    ObjectNode noScenarioConfig = config.deepCopy();
    noScenarioConfig.remove("scenario_config");
    assertInvalid(CONFIG_SCHEMA, noScenarioConfig, "config without scenario_config");
    ObjectNode noopAsString = config.deepCopy();
    ((ObjectNode) noopAsString.at("/run_config/engine")).put("allow_noop", "yes");
    assertInvalid(CONFIG_SCHEMA, noopAsString, "allow_noop as a string");

    ObjectNode emptyWithFinal = MetricsJson.encode(new AlignmentMetrics(0.6).summary());
    emptyWithFinal.put("final_alignment_score", 0.5);
    assertInvalid(METRICS_SCHEMA, emptyWithFinal, "no steps but a final score");
    assertInvalid(
        METRICS_SCHEMA, metrics.deepCopy().put("stickiness", -1.0), "negative stickiness");
  }

  @Test
  void schemasAreValidDraft202012Schemas() throws IOException {
    JsonSchema metaSchema =
        FACTORY.getSchema(
            SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
    for (String file :
        List.of(
            "config.schema.json",
            "meta.schema.json",
            "metrics.schema.json",
            "step_record.schema.json")) {
      assertValid(metaSchema, Json.MAPPER.readTree(Files.readString(SCHEMAS.resolve(file))), file);
    }
  }

  /** Runs the CLI in-process with the output roots under the temp dir; returns the run dir. */
  private Path run(List<String> args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all =
        Stream.concat(
                Stream.concat(Stream.of("run"), args.stream()),
                Stream.of(
                    "--runs-root",
                    temp.resolve("runs").toString(),
                    "--artifacts-root",
                    temp.resolve("artifacts").toString()))
            .toArray(String[]::new);
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    assertEquals(0, code, "exit code of run " + String.join(" ", all) + "\nstderr:\n" + err);
    return Path.of(Json.MAPPER.readTree(out.toString()).get("run_dir").asText());
  }

  private static JsonNode read(Path file) throws IOException {
    return Json.MAPPER.readTree(Files.readString(file, UTF_8));
  }

  private static void assertValid(JsonSchema schema, JsonNode node, String what) {
    Set<ValidationMessage> errors = schema.validate(node);
    assertTrue(errors.isEmpty(), what + " does not match its schema: " + errors + "\n" + node);
  }

  private static void assertInvalid(JsonSchema schema, JsonNode node, String what) {
    assertFalse(schema.validate(node).isEmpty(), what + " should fail validation but passed");
  }
}
