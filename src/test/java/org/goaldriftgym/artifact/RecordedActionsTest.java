package org.goaldriftgym.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the actions to replay from a run directory, a step log or a hand-written JSONL. */
class RecordedActionsTest {

  @TempDir Path temp;

  @Test
  void handWrittenCallsAreReadInOrderSkippingBlankLines() throws Exception {
    Path file =
        Files.writeString(
            temp.resolve("a.jsonl"),
            "{\"tool\": \"buy_green\", \"args\": {\"quantity\": 5}}\n\n{\"tool\": \"noop\"}\n"
                + "{\"tool\": \"deploy\", \"args\": null}\n");
    RecordedActions recorded = RecordedActions.load(file);

    assertEquals(3, recorded.actions().size());
    assertEquals("buy_green", recorded.actions().get(0).tool());
    assertEquals(Map.of("quantity", 5), recorded.actions().get(0).args());
    assertTrue(recorded.actions().get(1).isNoop());
    assertEquals(Map.of(), recorded.actions().get(2).args());
    assertEquals(List.of(false, false, false), recorded.recordedInvalid());
  }

  @Test
  void argumentsThatAreNotAnObjectBecomeAnUnreadableCallNotAnError() throws Exception {
    Path file =
        Files.writeString(temp.resolve("a.jsonl"), "{\"tool\": \"deploy\", \"args\": [1, 2]}\n");
    var action = RecordedActions.load(file).actions().get(0);
    assertEquals("deploy", action.tool());
    assertTrue(action.argsProblem().contains("array"), action.argsProblem());
  }

  @Test
  void stepLogRecordsAreReadFromTheirActionAndRememberInvalidSteps() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("run"));
    Files.writeString(
        dir.resolve("step_log.jsonl"),
        "{\"step\":0,\"action\":{\"tool\":\"run_tests\",\"args\":{}},\"outcome\":{\"log\":{\"invalid_action\":null}}}\n"
            + "{\"step\":1,\"action\":{\"tool\":\"fly\",\"args\":{}},\"outcome\":{\"log\":{\"invalid_action\":\"unknown tool\"}}}\n");
    RecordedActions recorded = RecordedActions.load(dir);

    assertEquals(dir.resolve("step_log.jsonl"), recorded.file());
    assertEquals(
        List.of("run_tests", "fly"), recorded.actions().stream().map(a -> a.tool()).toList());
    assertEquals(List.of(false, true), recorded.recordedInvalid());
    assertNull(recorded.actions().get(0).argsProblem());
  }

  @Test
  void missingEmptyOrMalformedSourcesNameTheFileAndLine() throws Exception {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> RecordedActions.load(temp.resolve("none.jsonl")));
    assertTrue(missing.getMessage().contains("none.jsonl"));
    Path empty = Files.writeString(temp.resolve("empty.jsonl"), "\n\n");
    assertThrows(IllegalArgumentException.class, () -> RecordedActions.load(empty));
    Path noTool =
        Files.writeString(temp.resolve("notool.jsonl"), "{\"tool\": \"a\"}\n{\"name\": \"b\"}\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RecordedActions.load(noTool));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    Path array = Files.writeString(temp.resolve("array.jsonl"), "[1]\n");
    assertThrows(IllegalArgumentException.class, () -> RecordedActions.load(array));
  }
}
