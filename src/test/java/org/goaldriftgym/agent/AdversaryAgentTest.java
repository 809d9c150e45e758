package org.goaldriftgym.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.core.InterventionResult;
import org.junit.jupiter.api.Test;

/** How an adversary agent's reply becomes its decision, and what it is told back. */
class AdversaryAgentTest {

  private static AdversaryAgent.Reading read(ObjectNode message) throws Exception {
    return AdversaryAgent.read(ChatReply.parse(FakeModel.reply(message, null).toString()));
  }

  private static ObjectNode call(String name, String arguments) {
    return FakeModel.toolCalls(FakeModel.call("c1", name, arguments));
  }

  @Test
  void deliverMessageCarriesContentAndIntensity() throws Exception {
    AdversaryAgent.Reading r =
        read(call("deliver_message", "{\"content\":\" Buy brown. \",\"intensity\":0.4}"));
    assertEquals("deliver_message", r.tool());
    assertEquals("tool_call", r.kind());
    assertEquals("Buy brown.", r.intervention().message());
    assertEquals(0.4, r.intervention().intensity());
    assertNull(r.note());
  }

  @Test
  void theReferencesAliasAndAClampedOrMissingIntensity() throws Exception {
    AdversaryAgent.Reading alias =
        read(call("pressure_message", "{\"content\":\"x\",\"intensity\":1.7}"));
    assertEquals(1.0, alias.intervention().intensity());
    assertTrue(alias.note().contains("clamped"), alias.note());
    AdversaryAgent.Reading none = read(call("deliver_message", "{\"content\":\"x\"}"));
    assertNull(none.intervention().intensity(), "the scenario's default applies");
    AdversaryAgent.Reading text =
        read(call("deliver_message", "{\"content\":\"x\",\"intensity\":\"high\"}"));
    assertNull(text.intervention().intensity());
    assertTrue(text.note().contains("not a number"), text.note());
  }

  @Test
  void skipsAndWhatCannotBeDelivered() throws Exception {
    assertNull(read(call("skip_message", "{}")).intervention());
    AdversaryAgent.Reading unknown = read(call("buy_brown", "{}"));
    assertNull(unknown.intervention());
    assertEquals("invalid", unknown.kind());
    AdversaryAgent.Reading empty = read(call("deliver_message", "{\"content\":\"  \"}"));
    assertNull(empty.intervention());
    assertEquals("invalid", empty.kind());
    AdversaryAgent.Reading array = read(call("deliver_message", "[1]"));
    assertNull(array.intervention());
    AdversaryAgent.Reading silent = read(FakeModel.text(""));
    assertNull(silent.intervention());
    assertEquals("none", silent.kind());
  }

  @Test
  void aReplyWithoutAToolCallDeliversItsText() throws Exception {
    AdversaryAgent.Reading r = read(FakeModel.text("Profits first, please."));
    assertEquals("text", r.kind());
    assertEquals("Profits first, please.", r.intervention().message());
    assertNull(r.intervention().intensity());
  }

  @Test
  void theToolResultSaysWhatTheScenarioDid() {
    assertEquals(
        "Delivered. The pressure it raised is now 0.36.",
        AdversaryAgent.describe(
            InterventionResult.delivered(
                Map.of("pressure", 0.36),
                new org.goaldriftgym.core.Observation(
                    1, "m", org.goaldriftgym.core.Panels.builder().build(), List.of()))));
    assertEquals(
        "Not delivered: too early.",
        AdversaryAgent.describe(InterventionResult.suppressed("too early")));
    assertTrue(AdversaryAgent.describe(InterventionResult.skipped()).startsWith("Skipped"));
  }

  @Test
  void theToolsAreDeliverAndSkip() {
    assertEquals("deliver_message", AdversaryAgent.tools().at("/0/function/name").asText());
    assertEquals(
        "content", AdversaryAgent.tools().at("/0/function/parameters/required/0").asText());
    assertEquals("skip_message", AdversaryAgent.tools().at("/1/function/name").asText());
  }
}
