package org.goaldriftgym.agent;

import java.util.List;
import java.util.Objects;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.AgentTurn;

/**
 * How a reply became the step's action. Closed: a tool call, an action found in the text, no
 * action, or an invalid action (which still goes to the scenario, which records it as invalid).
 * Immutable.
 */
public sealed interface Interpretation {

  /** The action the scenario receives. */
  Action action();

  /** Why, in words, or {@code null}. */
  String note();

  /** The kind as the step log records it: tool_call, text, none or invalid. */
  String kind();

  /**
   * The first tool call is the action.
   *
   * @param ignored further calls in the same reply, recorded but not applied
   */
  record ToolCall(Action action, List<AgentTurn.ToolCallRecord> ignored, String note)
      implements Interpretation {
    public ToolCall {
      Objects.requireNonNull(action, "action");
      ignored = List.copyOf(ignored);
    }

    @Override
    public String kind() {
      return "tool_call";
    }
  }

  /** No tool call, but the text held a JSON action. */
  record FromText(Action action, String note) implements Interpretation {
    public FromText {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "text";
    }
  }

  /** Nothing recognisable: the step is a noop, with the reason. */
  record NoAction(String note) implements Interpretation {
    public NoAction {
      Objects.requireNonNull(note, "note");
    }

    @Override
    public Action action() {
      return Action.noop();
    }

    @Override
    public String kind() {
      return "none";
    }
  }

  /**
   * An unknown tool, or arguments that are unreadable or ill-typed: passed on as given so the
   * scenario records an invalid action; the episode goes on.
   *
   * @param ignored further calls in the same reply, recorded but not applied
   */
  record Invalid(Action action, List<AgentTurn.ToolCallRecord> ignored, String note)
      implements Interpretation {
    public Invalid {
      Objects.requireNonNull(action, "action");
      ignored = List.copyOf(ignored);
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return "invalid";
    }
  }
}
