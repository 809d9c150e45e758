package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.Decision;
import org.goaldriftgym.core.GoalProbe;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Outcome;
import org.goaldriftgym.policy.Policy;
import org.goaldriftgym.scenario.ScenarioSpec;

/**
 * An LLM agent: renders each observation as a user message, asks the model (through the cache and
 * the client), interprets the reply into the step's action and returns the exchange as an {@link
 * AgentTurn}; once the engine reports the step's outcome it answers every tool call with what the
 * scenario did (see {@link Feedback}). Errors that stop the run (a rejected key, no credits,
 * retries exhausted, a replay miss) are {@link org.goaldriftgym.core.HarnessException}s of kind
 * AGENT. Not thread-safe: one agent per run.
 */
public final class LlmAgent implements Policy {

  /** The role of the goal probe's answer, as {@link ReplyMeter} and the usage name it. */
  public static final String PROBE_ROLE = "probe";

  /** The role of the judge model's grading of a probe answer. */
  public static final String JUDGE_ROLE = "judge";

  private final AgentOptions options;
  private final ScenarioSpec spec;
  private final int maxSteps;
  private final ReplySource replies;
  private final Conversation conversation;
  private final ReplyInterpreter interpreter;
  private final ArrayNode tools;
  private final ReplySource judge;
  private int steps;
  private final List<GoalProbe> switchProbes = new ArrayList<>();
  private Pending pending;
  private String nextNote;
  private ReplyMeter meter = ReplyMeter.NONE;
  private double uncounted; // the reported cost of the last decision's reply, 0 when none

  LlmAgent(AgentOptions options, ScenarioSpec spec, int maxSteps, ReplySource replies) {
    this(options, spec, maxSteps, replies, null);
  }

  /**
   * @param judge where the goal probe's judge gets its replies (under the role {@code judge}), or
   *     {@code null} without a judge model
   */
  LlmAgent(
      AgentOptions options,
      ScenarioSpec spec,
      int maxSteps,
      ReplySource replies,
      ReplySource judge) {
    this.judge = judge;
    this.options = Objects.requireNonNull(options, "options");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.maxSteps = maxSteps;
    this.replies = Objects.requireNonNull(replies, "replies");
    this.conversation =
        new Conversation(
            options.instrumentalSteps() != null
                ? Objects.requireNonNull(
                    Prompts.instrumental(spec), "no instrumental goal for " + spec.name())
                : Prompts.system(spec, options.systemPrompt(), options.observationMode()),
            options.historyWindow());
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
    if (pending != null) {
      throw new IllegalStateException("a decision before the outcome of the previous one");
    }
    boolean raw = options.observationMode() == ObservationMode.RAW;
    String prompt =
        Prompts.user(raw ? RawView.observation(observation) : observation, maxSteps, spec.tools());
    if (options.instrumentalSteps() != null && observation.step() == options.instrumentalSteps()) {
      prompt =
          Prompts.goalSwitch(spec, options.systemPrompt(), options.observationMode())
              + "\n\n"
              + prompt;
    }
    if (nextNote != null) {
      prompt = nextNote + "\n\n" + prompt;
      nextNote = null;
    }
    conversation.user(prompt);
    ChatRequest request = ChatRequest.of(options, conversation.messages(), tools);
    ReplySource.Fetched fetched = replies.fetch(request.toJson(), observation.step());
    ChatReply reply = fetched.reply();
    Interpretation interpretation = interpreter.interpret(reply);
    conversation.reply(new ChatMessage.AssistantMessage(reply.message()));
    pending = new Pending(reply.toolCalls(), interpretation.action());
    uncounted = reply.usage() == null || reply.usage().cost() == null ? 0 : reply.usage().cost();
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

  /** Answers the last reply's tool calls (or notes the result for the next message). */
  @Override
  public void onOutcome(Outcome received) throws InterruptedException {
    if (pending == null) {
      throw new IllegalStateException("an outcome without a decision before it");
    }
    Outcome outcome =
        options.observationMode() == ObservationMode.RAW ? RawView.outcome(received) : received;
    if (pending.calls().isEmpty()) {
      nextNote = Feedback.withoutToolCall(pending.action(), outcome);
    } else {
      conversation.toolResults(toolResults(pending.calls(), pending.action(), outcome));
    }
    pending = null;
    steps++;
    if (options.goalProbe()
        && options.instrumentalSteps() != null
        && steps == options.instrumentalSteps() + 1) {
      // after the first step under the restored goal, whose reply the run counts after this
      GoalProbe probe = probe(uncounted);
      if (probe != null) { // else the budget is passed: the run stops once the step is recorded
        switchProbes.add(probe);
      }
    }
  }

  /**
   * Where the replies outside steps (goal probe, judge) are counted and budgeted; {@link
   * ReplyMeter#NONE} until set. Set before the episode.
   */
  public void meter(ReplyMeter value) {
    meter = Objects.requireNonNull(value, "meter");
  }

  /** The goal probes asked during the episode (after a goal switch), in order. */
  public List<GoalProbe> switchProbes() {
    return List.copyOf(switchProbes);
  }

  /**
   * Adds a prefilled step to the conversation as if the agent had taken it: the observation's user
   * message, an assistant message calling the step's tool (a noop as text without a call) and the
   * tool result. Asks the model nothing.
   */
  public void prefill(Observation observation, Action action, Outcome received) {
    if (pending != null) {
      throw new IllegalStateException("a prefilled step while a decision waits for its outcome");
    }
    boolean raw = options.observationMode() == ObservationMode.RAW;
    String prompt =
        Prompts.user(raw ? RawView.observation(observation) : observation, maxSteps, spec.tools());
    if (options.instrumentalSteps() != null && observation.step() == options.instrumentalSteps()) {
      prompt =
          Prompts.goalSwitch(spec, options.systemPrompt(), options.observationMode())
              + "\n\n"
              + prompt;
    }
    if (nextNote != null) {
      prompt = nextNote + "\n\n" + prompt;
      nextNote = null;
    }
    conversation.user(prompt);
    Outcome outcome = raw ? RawView.outcome(received) : received;
    ObjectNode message = Json.object();
    message.put("role", "assistant");
    if (action.isNoop()) {
      message.put("content", "noop");
      conversation.reply(new ChatMessage.AssistantMessage(message));
      nextNote = Feedback.withoutToolCall(action, outcome);
    } else {
      String id = "prefill_" + observation.step();
      message.putNull("content");
      ObjectNode call = message.putArray("tool_calls").addObject();
      call.put("id", id);
      call.put("type", "function");
      ObjectNode function = call.putObject("function");
      function.put("name", action.tool());
      function.put("arguments", Json.compact(Json.tree(action.args())));
      conversation.reply(new ChatMessage.AssistantMessage(message));
      conversation.toolResults(
          List.of(new ChatMessage.ToolMessage(id, Feedback.result(action, outcome))));
    }
    steps++;
  }

  /** Whether this agent asks for its goal after the episode ({@code goal_probe}). */
  public boolean probesGoal() {
    return options.goalProbe();
  }

  /**
   * Asks the agent, in its own conversation, what goal it has been pursuing, and has the judge
   * model (when {@code judge_model} is set) grade the answer against the system goal. Both replies
   * go through the reply cache like any other, and through the {@link #meter}: counted, and refused
   * before they are sent once the run's budget is spent.
   *
   * @throws org.goaldriftgym.core.HarnessException of kind AGENT when a reply cannot be had
   * @throws org.goaldriftgym.core.BudgetExceededException when the budget is spent before a request
   */
  public GoalProbe probe() throws InterruptedException {
    return probe(null);
  }

  /**
   * The probe; during the episode ({@code pending} not null) {@code null} when the budget does not
   * allow it.
   */
  private GoalProbe probe(Double pending) throws InterruptedException {
    if (!meter.before(PROBE_ROLE, pending)) {
      return null;
    }
    String question = GoalProbes.QUESTION;
    if (nextNote != null) {
      question = nextNote + "\n\n" + question;
      nextNote = null;
    }
    conversation.user(question);
    ChatRequest request =
        ChatRequest.of(options, conversation.messages(), tools).withToolChoice("none");
    ReplySource.Fetched fetched = replies.fetch(request.toJson(), steps);
    ChatReply reply = fetched.reply();
    meter.replied(PROBE_ROLE, reply.usage(), reply.model(), fetched.transport());
    conversation.reply(new ChatMessage.AssistantMessage(reply.message()));
    String answer = reply.content() == null ? "" : reply.content().strip();
    if (judge == null) {
      return new GoalProbe(steps, question, answer, null, null, null);
    }
    String goal = Prompts.system(spec, options.systemPrompt(), options.observationMode());
    ChatRequest grading =
        new ChatRequest(
            options.judgeModel(),
            List.of(
                new ChatMessage.SystemMessage(GoalProbes.JUDGE_SYSTEM),
                new ChatMessage.UserMessage(GoalProbes.judgeUser(goal, answer))),
            tools.arrayNode(),
            "none",
            0.0,
            null,
            null,
            null,
            null,
            null);
    if (!meter.before(JUDGE_ROLE, pending)) {
      return null;
    }
    ReplySource.Fetched graded = judge.fetch(grading.toJson(), steps);
    ChatReply verdictReply = graded.reply();
    meter.replied(JUDGE_ROLE, verdictReply.usage(), verdictReply.model(), graded.transport());
    GoalProbes.Verdict verdict = GoalProbes.verdict(verdictReply.content());
    return new GoalProbe(
        steps, question, answer, options.judgeModel(), verdict.grade(), verdict.reason());
  }

  /**
   * One tool message per tool call id: the first says what the scenario did with the action and
   * lists the step's events, the others are ignored.
   */
  static List<ChatMessage.ToolMessage> toolResults(
      List<AgentTurn.ToolCallRecord> calls, Action action, Outcome outcome) {
    List<ChatMessage.ToolMessage> results = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      String content = i == 0 ? Feedback.result(action, outcome) : Feedback.IGNORED;
      results.add(new ChatMessage.ToolMessage(calls.get(i).id(), content));
    }
    return results;
  }

  /** A reply whose tool calls wait for the step's outcome. */
  private record Pending(List<AgentTurn.ToolCallRecord> calls, Action action) {}
}
