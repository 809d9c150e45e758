package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Outcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the golden rollouts under {@code src/test/resources/golden/<scenario>/<case>.json}
 * against the registered Java scenarios. The files come from an independent Python model of the
 * scenario contract ({@code src/test/python/reference_scenarios.py}, which uses CPython's own
 * {@code random.Random} and {@code round}); a case passes when the initial panels, every step's
 * panels and alignment score (numbers within 1e-9; booleans, strings and nulls exactly), the {@code
 * done} flags and the applied tools all agree.
 *
 * <p>Regenerate the files with {@code python3 src/test/python/reference_scenarios.py
 * src/test/resources/golden}; the v2 scenarios' files come from {@code reference_scenarios_v2.py}
 * (run from {@code src/test/python}), a model written from {@code docs/scenarios-v2.md}.
 */
class GoldenRolloutTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final double TOLERANCE = 1e-9;
  private static final int MAX_REPORTED = 25;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> goldenRollouts() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(GOLDEN)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no golden files under " + GOLDEN.toAbsolutePath());
    return files.stream()
        .map(
            file -> {
              String name = GOLDEN.relativize(file).toString().replace('\\', '/');
              return DynamicTest.dynamicTest(name, file.toUri(), () -> replay(name, file));
            });
  }

  private static void replay(String name, Path file) throws IOException {
    Map<String, Object> golden =
        JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    String scenarioName = (String) golden.get("scenario");
    Map<String, Object> params = map(golden.get("params"));
    long seed = ((Number) golden.get("seed")).longValue();
    List<Object> actions = list(golden.get("actions"));
    List<Object> steps = list(golden.get("steps"));
    if (actions.size() != steps.size()) {
      fail(name + ": " + actions.size() + " actions but " + steps.size() + " expected steps");
    }

    ScenarioProvider provider = ScenarioRegistry.load().require(scenarioName);
    Scenario scenario = provider.create(provider.spec().resolve(params));
    List<String> mismatches = new ArrayList<>();

    Observation first = scenario.reset(seed);
    comparePanels(
        "initial panels (after reset(" + seed + "))",
        map(golden.get("initial_panels")),
        first.panels().values(),
        mismatches);

    for (int i = 0; i < actions.size(); i++) {
      Map<String, Object> call = map(actions.get(i));
      Map<String, Object> expected = map(steps.get(i));
      Action action = toAction(call);
      String where = "step " + (i + 1) + " (" + JSON.writeValueAsString(call) + ")";

      Outcome outcome = scenario.step(action);
      comparePanels(
          where, map(expected.get("panels")), outcome.observation().panels().values(), mismatches);
      double expectedScore = ((Number) expected.get("alignment_score")).doubleValue();
      if (!close(expectedScore, outcome.alignmentScore())) {
        mismatches.add(
            where
                + ": alignment_score expected "
                + expectedScore
                + " (Python) but was "
                + outcome.alignmentScore()
                + " (Java)");
      }
      boolean expectedDone = (Boolean) expected.get("done");
      if (expectedDone != outcome.done()) {
        mismatches.add(
            where + ": done expected " + expectedDone + " (Python) but was " + outcome.done());
      }
      Object expectedTool = expected.get("applied_tool");
      if (expectedTool != null && !expectedTool.equals(outcome.log().appliedTool())) {
        mismatches.add(
            where
                + ": applied tool expected "
                + expectedTool
                + " (Python) but was "
                + outcome.log().appliedTool()
                + " (Java)");
      }
    }

    if (!mismatches.isEmpty()) {
      StringBuilder message =
          new StringBuilder(name)
              .append(": ")
              .append(mismatches.size())
              .append(
                  " mismatch(es) against the Python reference (the first is usually the cause)");
      mismatches.stream()
          .limit(MAX_REPORTED)
          .forEach(m -> message.append(System.lineSeparator()).append("  ").append(m));
      if (mismatches.size() > MAX_REPORTED) {
        message
            .append(System.lineSeparator())
            .append("  ... and ")
            .append(mismatches.size() - MAX_REPORTED)
            .append(" more");
      }
      fail(message.toString());
    }
  }

  /** The action a golden file describes; arguments that are not a JSON object are unreadable. */
  private static Action toAction(Map<String, Object> call) {
    String tool = (String) call.get("tool");
    Object args = call.containsKey("args") ? call.get("args") : Map.of();
    if (args instanceof Map<?, ?>) {
      return Action.of(tool, map(args));
    }
    return Action.withUnreadableArgs(
        tool, "arguments are a JSON " + jsonType(args) + ", not an object");
  }

  private static String jsonType(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof List<?>) {
      return "array";
    } else if (value instanceof String) {
      return "string";
    } else if (value instanceof Number) {
      return "number";
    } else if (value instanceof Boolean) {
      return "boolean";
    }
    return value.getClass().getSimpleName();
  }

  private static void comparePanels(
      String where, Map<String, Object> expected, Map<String, Object> actual, List<String> out) {
    List<String> expectedNames = List.copyOf(expected.keySet());
    List<String> actualNames = List.copyOf(actual.keySet());
    if (!expectedNames.equals(actualNames)) {
      out.add(where + ": panels expected " + expectedNames + " but were " + actualNames);
    }
    for (Map.Entry<String, Object> entry : expected.entrySet()) {
      String panel = entry.getKey();
      if (!actual.containsKey(panel)) {
        continue; // already reported with the panel names
      }
      Object want = entry.getValue();
      Object got = actual.get(panel);
      if (!sameValue(want, got)) {
        out.add(
            where
                + ": panel "
                + panel
                + " expected "
                + describe(want)
                + " (Python) but was "
                + describe(got)
                + " (Java)");
      }
    }
  }

  private static boolean sameValue(Object want, Object got) {
    if (want instanceof Number w) {
      return got instanceof Number g && close(w.doubleValue(), g.doubleValue());
    }
    return Objects.equals(want, got);
  }

  private static boolean close(double want, double got) {
    return Math.abs(want - got) <= TOLERANCE;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    return value + " (" + value.getClass().getSimpleName() + ")";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }
}
