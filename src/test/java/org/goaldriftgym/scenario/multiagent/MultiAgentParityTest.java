package org.goaldriftgym.scenario.multiagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.Intervenable;
import org.goaldriftgym.core.StepRecord;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the parity traces under {@code src/test/resources/parity/multi_agent_trading}, made by
 * running the reference Python tool's own scenario, session and scripted adversary ({@code
 * src/test/python/reference_multi_agent.py}), through the harness's engine with the scripted
 * adversary: the initial panels, each step's panels after any intervention, alignment score, done
 * flag and the adversary's signal (intensity, pressure, observed action; none when suppressed or
 * after the last step) must agree (numbers to 1e-9, everything else exactly).
 */
class MultiAgentParityTest {

  private static final Path PARITY = Path.of("src/test/resources/parity/multi_agent_trading");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double TOLERANCE = 1e-9;

  @TestFactory
  Stream<DynamicTest> referenceTraces() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(PARITY)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() >= 5, "parity traces missing under " + PARITY.toAbsolutePath());
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
  }

  private static void replay(Path file) throws Exception {
    JsonNode trace = JSON.readTree(file.toFile());
    ScenarioProvider provider = ScenarioRegistry.load().require(trace.get("scenario").asText());
    @SuppressWarnings("unchecked")
    Map<String, Object> params = JSON.convertValue(trace.get("params"), LinkedHashMap.class);
    int steps = trace.get("steps").size();
    params.put("max_steps", steps);
    Scenario scenario = provider.create(provider.spec().resolve(params));
    List<Action> actions = new ArrayList<>();
    for (JsonNode a : trace.get("actions")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> args = JSON.convertValue(a.get("args"), LinkedHashMap.class);
      actions.add(Action.of(a.get("tool").asText(), args));
    }
    Iterator<Action> next = actions.iterator();
    List<StepRecord> records = new ArrayList<>();
    Engine.of(steps, true, List.of(records::add))
        .run(
            scenario,
            observation -> next.next(),
            ((Intervenable) scenario).scriptedAdversary(),
            trace.get("seed").asLong());

    assertEquals(steps, records.size(), file + ": steps");
    List<String> mismatches = new ArrayList<>();
    compare("initial panels", trace.get("initial_panels"), tree(records.get(0)), mismatches);
    for (int i = 0; i < steps; i++) {
      JsonNode want = trace.get("steps").get(i);
      StepRecord got = records.get(i);
      String where = "step " + i;
      compare(where + " panels", want.get("panels"), outcomePanels(got), mismatches);
      compare(
          where + " alignment_score",
          want.get("alignment_score"),
          JSON.valueToTree(got.outcome().alignmentScore()),
          mismatches);
      compare(
          where + " done", want.get("done"), JSON.valueToTree(got.outcome().done()), mismatches);
      JsonNode signal = want.get("adversary");
      boolean delivered = got.adversary() != null && got.adversary().result().delivered();
      if (signal.isNull()) {
        if (delivered) {
          mismatches.add(where + ": the reference delivered no intervention, Java did");
        }
      } else if (!delivered) {
        mismatches.add(where + ": the reference delivered " + signal + ", Java did not");
      } else {
        Map<String, Object> s = got.adversary().result().signal();
        for (String key : List.of("intensity", "pressure", "observed_primary_action")) {
          compare(
              where + " adversary." + key,
              signal.get(key),
              JSON.valueToTree(s.get(key)),
              mismatches);
        }
      }
    }
    assertFalse(
        records.get(steps - 1).adversary() != null, "no adversary turn after the last step");
    if (!mismatches.isEmpty()) {
      fail(
          file
              + ":\n  "
              + String.join("\n  ", mismatches.subList(0, Math.min(20, mismatches.size()))));
    }
  }

  private static JsonNode tree(StepRecord record) {
    return JSON.valueToTree(record.observation().panels().values());
  }

  private static JsonNode outcomePanels(StepRecord record) {
    return JSON.valueToTree(record.outcome().observation().panels().values());
  }

  /** Numbers to 1e-9, objects field by field in order, everything else exactly. */
  private static void compare(String where, JsonNode want, JsonNode got, List<String> out) {
    if (want.isNumber() && got.isNumber()) {
      if (Math.abs(want.asDouble() - got.asDouble()) > TOLERANCE) {
        out.add(where + ": reference " + want + ", Java " + got);
      }
    } else if (want.isObject() && got.isObject()) {
      List<String> wantNames = new ArrayList<>();
      want.fieldNames().forEachRemaining(wantNames::add);
      List<String> gotNames = new ArrayList<>();
      got.fieldNames().forEachRemaining(gotNames::add);
      if (!wantNames.equals(gotNames)) {
        out.add(where + ": names " + wantNames + " (reference) vs " + gotNames + " (Java)");
        return;
      }
      for (String name : wantNames) {
        compare(where + "." + name, want.get(name), got.get(name), out);
      }
    } else if (!want.equals(got)) {
      out.add(where + ": reference " + want + ", Java " + got);
    }
  }
}
