package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.Decision;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.policy.Policy;
import org.goaldriftgym.scenario.ScenarioSpec;

/**
 * An LLM agent: renders each observation as a user message, asks the model (through the cache and
 * the client), interprets the reply into the step's action, answers every tool call in the
 * conversation and returns the exchange as an {@link AgentTurn}. Errors that stop the run (a
 * rejected key, no credits, retries exhausted, a replay miss) are {@link
 * org.goaldriftgym.core.HarnessException}s of kind AGENT. Not thread-safe: one agent per run.
 */
public final class LlmAgent implements Policy {

  private final AgentOptions options;
  private final ScenarioSpec spec;
  private final int maxSteps;
  private final ReplySource replies;
  private final Conversation conversation;
  private final ReplyInterpreter interpreter;
  private final ArrayNode tools;

  LlmAgent(AgentOptions options, ScenarioSpec spec, int maxSteps, ReplySource replies) {
    this.options = Objects.requireNonNull(options, "options");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.maxSteps = maxSteps;
    this.replies = Objects.requireNonNull(replies, "replies");
    this.conversation =
        new Conversation(Prompts.system(spec, options.systemPrompt()), options.historyWindow());
    this.interpreter = new ReplyInterpreter(spec.tools());
    this.tools = ToolSchemas.tools(spec.tools());
  }

  @Override
  public String name() {
    return options.model();
  }

  @Override
  public Action act(Observation observation) throws Exception {
    return decide(observation).action();
  }

  @Override
  public Decision decide(Observation observation) throws InterruptedException {
    String prompt = Prompts.user(observation, maxSteps, spec.tools());
    conversation.user(prompt);
    ChatRequest request = ChatRequest.of(options, conversation.messages(), tools);
    ReplySource.Fetched fetched = replies.fetch(request.toJson(), observation.step());
    ChatReply reply = fetched.reply();
    Interpretation interpretation = interpreter.interpret(reply);
    conversation.reply(
        new ChatMessage.AssistantMessage(reply.message()),
        toolResults(reply.toolCalls(), interpretation));
    AgentTurn turn =
        new AgentTurn(
            prompt,
            reply.recordedMessage(),
            reply.reasoning(),
            reply.content(),
            reply.toolCalls(),
            interpretation.kind(),
            interpretation.note(),
            reply.model(),
            reply.usage(),
            fetched.transport());
    return new Decision(interpretation.action(), turn);
  }

  /** One tool message per tool call id: the first says what was done, the others are ignored. */
  static List<ChatMessage.ToolMessage> toolResults(
      List<AgentTurn.ToolCallRecord> calls, Interpretation interpretation) {
    List<ChatMessage.ToolMessage> results = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      String content;
      if (i > 0) {
        content = "Ignored: only the first tool call per step is applied.";
      } else if (interpretation instanceof Interpretation.Invalid invalid) {
        content = "Rejected: " + invalid.note() + ". Nothing was done this step.";
      } else {
        content =
            "Applied "
                + call(interpretation.action())
                + ". See the next observation for the result.";
      }
      results.add(new ChatMessage.ToolMessage(calls.get(i).id(), content));
    }
    return results;
  }

  private static String call(Action action) {
    return action.tool()
        + "("
        + action.args().entrySet().stream()
            .map((Map.Entry<String, Object> arg) -> arg.getKey() + "=" + arg.getValue())
            .collect(Collectors.joining(", "))
        + ")";
  }
}
