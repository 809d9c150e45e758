package org.goaldriftgym.agent;

import static org.goaldriftgym.agent.FakeModel.call;
import static org.goaldriftgym.agent.FakeModel.reply;
import static org.goaldriftgym.agent.FakeModel.text;
import static org.goaldriftgym.agent.FakeModel.toolCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.scenario.trading.TradingProvider;
import org.junit.jupiter.api.Test;

/** Every path of the reply rules in docs/agents.md. */
class ReplyInterpreterTest {

  private final ReplyInterpreter interpreter =
      new ReplyInterpreter(new TradingProvider().spec().tools());

  private static ChatReply parse(ObjectNode message) throws ChatReply.Unusable {
    return ChatReply.parse(reply(message, FakeModel.usage(100, 0.002)).toString());
  }

  private Interpretation interpret(ObjectNode message) throws ChatReply.Unusable {
    return interpreter.interpret(parse(message));
  }

  @Test
  void oneToolCallIsTheAction() throws Exception {
    Interpretation result = interpret(toolCalls(call("c1", "buy_green", "{\"quantity\": 10}")));
    Interpretation.ToolCall toolCall = assertInstanceOf(Interpretation.ToolCall.class, result);
    assertEquals(Action.of("buy_green", Map.of("quantity", 10)), toolCall.action());
    assertEquals("tool_call", result.kind());
    assertNull(result.note());
  }

  @Test
  void severalToolCallsApplyTheFirstAndAnswerEvery() throws Exception {
    ChatReply reply =
        parse(
            toolCalls(
                call("c1", "review_esg", "{}"),
                call("c2", "buy_brown", "{\"quantity\": 5}"),
                call("c3", "sell_green", "{\"quantity\": 1}")));
    Interpretation result = interpreter.interpret(reply);
    Interpretation.ToolCall toolCall = assertInstanceOf(Interpretation.ToolCall.class, result);
    assertEquals("review_esg", toolCall.action().tool());
    assertEquals(2, toolCall.ignored().size());
    assertTrue(result.note().contains("ignored 2 more tool calls (buy_brown, sell_green)"));
    List<ChatMessage.ToolMessage> messages =
        LlmAgent.toolResults(reply.toolCalls(), result.action(), outcome("review_esg", null));
    assertEquals(List.of("c1", "c2", "c3"), messages.stream().map(m -> m.toolCallId()).toList());
    assertEquals(
        "Submitted review_esg().\nWhat happened this step:\n- an event", messages.get(0).content());
    assertEquals(
        "Ignored: only the first tool call per step is applied.", messages.get(1).content());
  }

  @Test
  void jsonActionInTheText() throws Exception {
    Interpretation plain =
        interpret(text("I'll buy green. {\"tool\": \"buy_green\", \"args\": {\"quantity\": 3}}"));
    assertInstanceOf(Interpretation.FromText.class, plain);
    assertEquals(Action.of("buy_green", Map.of("quantity", 3)), plain.action());
    assertEquals("text", plain.kind());

    Interpretation fenced =
        interpret(
            text(
                "Reasoning first.\n```json\n{\"name\": \"sell_brown\", \"arguments\":"
                    + " \"{\\\"quantity\\\": 2}\"}\n```\nDone."));
    assertEquals(Action.of("sell_brown", Map.of("quantity", 2)), fenced.action());
    assertEquals("text", fenced.kind());

    Interpretation function =
        interpret(text("{\"type\":\"function\",\"function\":{\"name\":\"review_esg\"}}"));
    assertEquals(Action.of("review_esg"), function.action());
  }

  @Test
  void nothingRecognisableIsANoopWithTheReason() throws Exception {
    Interpretation none = interpret(text("I need to think about {this} more."));
    Interpretation.NoAction noAction = assertInstanceOf(Interpretation.NoAction.class, none);
    assertTrue(noAction.action().isNoop());
    assertEquals("none", none.kind());
    assertTrue(none.note().contains("no tool call and no JSON action"), none.note());
    assertTrue(interpret(text("")).note().contains("no tool call and no text"));
  }

  @Test
  void unknownToolIsAnInvalidActionWithTheNameAsGiven() throws Exception {
    Interpretation result = interpret(toolCalls(call("c1", "buy_gold", "{\"quantity\": 1}")));
    Interpretation.Invalid invalid = assertInstanceOf(Interpretation.Invalid.class, result);
    assertEquals("buy_gold", invalid.action().tool());
    assertEquals("invalid", result.kind());
    assertTrue(result.note().contains("unknown tool 'buy_gold'"), result.note());
    List<ChatMessage.ToolMessage> messages =
        LlmAgent.toolResults(
            List.of(new org.goaldriftgym.core.AgentTurn.ToolCallRecord("c1", "buy_gold", "{}")),
            result.action(),
            outcome("noop", "unknown tool 'buy_gold'"));
    assertTrue(
        messages.get(0).content().startsWith("Rejected: unknown tool 'buy_gold'. Nothing was done"),
        messages.get(0).content());
  }

  @Test
  void unparsableOrNonObjectArgumentsAreUnreadable() throws Exception {
    Interpretation broken = interpret(toolCalls(call("c1", "buy_green", "{\"quantity\": 1")));
    assertInstanceOf(Interpretation.Invalid.class, broken);
    assertTrue(broken.action().argsProblem().startsWith("arguments are not valid JSON"));
    Interpretation array = interpret(toolCalls(call("c1", "buy_green", "[1]")));
    assertEquals("arguments are a JSON array, not an object", array.action().argsProblem());
    assertEquals("invalid", array.kind());
  }

  @Test
  void illTypedArgumentsAreInvalid() throws Exception {
    Interpretation result =
        interpret(toolCalls(call("c1", "buy_green", "{\"quantity\": \"lots\"}")));
    assertInstanceOf(Interpretation.Invalid.class, result);
    assertEquals(Action.of("buy_green", Map.of("quantity", "lots")), result.action());
    assertTrue(result.note().contains("quantity must be a number"), result.note());
    Interpretation negative = interpret(toolCalls(call("c1", "buy_green", "{\"quantity\": -4}")));
    assertEquals("invalid", negative.kind());
  }

  @Test
  void emptyArgumentsMeanNone() throws Exception {
    assertEquals(
        Action.of("review_esg"), interpret(toolCalls(call("c1", "review_esg", ""))).action());
  }

  @Test
  void contentAsAListOfBlocksIsConcatenated() throws Exception {
    ObjectNode message = FakeModel.JSON.createObjectNode();
    message.put("role", "assistant");
    message
        .putArray("content")
        .add(FakeModel.JSON.createObjectNode().put("type", "text").put("text", "Buying. "))
        .add(
            FakeModel.JSON
                .createObjectNode()
                .put("type", "text")
                .put("text", "{\"tool\":\"buy_green\",\"args\":{\"quantity\":4}}"))
        .add(FakeModel.JSON.createObjectNode().put("type", "image_url"));
    ChatReply reply = parse(message);
    assertEquals("Buying. {\"tool\":\"buy_green\",\"args\":{\"quantity\":4}}", reply.content());
    assertEquals(
        Action.of("buy_green", Map.of("quantity", 4)), interpreter.interpret(reply).action());
  }

  @Test
  void theRecordKeepsReasoningAndDropsEncryptedBlobs() throws Exception {
    ObjectNode message = toolCalls(call("c1", "review_esg", "{}"));
    message.put("reasoning", "The mandate comes first.");
    message
        .putArray("reasoning_details")
        .add(
            FakeModel.JSON
                .createObjectNode()
                .put("type", "reasoning.text")
                .put("text", "The mandate comes first."))
        .add(
            FakeModel.JSON
                .createObjectNode()
                .put("type", "reasoning.encrypted")
                .put("data", "ENCRYPTEDBLOB"));
    ChatReply reply = parse(message);
    assertEquals("The mandate comes first.", reply.reasoning());
    assertFalse(reply.recordedMessage().contains("ENCRYPTEDBLOB"));
    assertTrue(reply.recordedMessage().contains("reasoning.text"));
    // the conversation keeps the message as received
    assertTrue(reply.message().toString().contains("ENCRYPTEDBLOB"));
    assertEquals(FakeModel.MODEL, reply.model());
    assertEquals(100L, reply.usage().promptTokens());
    assertEquals(10L, reply.usage().cachedTokens());
    assertEquals(5L, reply.usage().reasoningTokens());
    assertEquals(120L, reply.usage().totalTokens());
    assertEquals(0.002, reply.usage().cost());
  }

  @Test
  void unusableReplies() {
    assertThrows(ChatReply.Unusable.class, () -> ChatReply.parse(""));
    assertThrows(ChatReply.Unusable.class, () -> ChatReply.parse("{\"choices\": [{\"mess"));
    assertThrows(ChatReply.Unusable.class, () -> ChatReply.parse("{\"choices\": []}"));
    assertThrows(ChatReply.Unusable.class, () -> ChatReply.parse("{\"id\": \"x\"}"));
    ChatReply.Unusable inBand =
        assertThrows(
            ChatReply.Unusable.class,
            () ->
                ChatReply.parse(
                    "{\"choices\":[{\"finish_reason\":\"error\",\"error\":{\"code\":502,"
                        + "\"message\":\"provider crashed\"},\"message\":{\"role\":\"assistant\"}}]}"));
    assertTrue(inBand.getMessage().contains("provider crashed"), inBand.getMessage());
  }

  /** An outcome whose log applied {@code tool}, invalid for {@code reason} when given. */
  private static org.goaldriftgym.core.Outcome outcome(String tool, String reason) {
    org.goaldriftgym.core.Observation next =
        new org.goaldriftgym.core.Observation(
            1, "next", org.goaldriftgym.core.Panels.builder().build(), List.of());
    return new org.goaldriftgym.core.Outcome(
        next,
        1.0,
        false,
        new org.goaldriftgym.core.StepLog(tool, reason, false, 0.0, List.of("an event")));
  }
}
