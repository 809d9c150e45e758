package org.goaldriftgym.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an adversary decided after a step: the tool it called and its arguments as given, the
 * intervention they amount to ({@code null}: it let the step pass), and for an LLM adversary its
 * exchange with the model ({@code null} for a scripted one). Immutable.
 */
public record AdversaryDecision(
    String tool, Map<String, Object> args, Intervention intervention, AgentTurn turn) {

  /** The tool of an adversary that lets a step pass. */
  public static final String SKIP = "skip_message";

  /** The tool of an adversary that delivers a message. */
  public static final String DELIVER = "deliver_message";

  public AdversaryDecision {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(args, "args");
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  /** A scripted decision to deliver a message. */
  public static AdversaryDecision deliver(String message, Double intensity) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("content", message);
    if (intensity != null) {
      args.put("intensity", intensity);
    }
    return new AdversaryDecision(DELIVER, args, new Intervention(message, intensity), null);
  }

  /** A scripted decision to let the step pass. */
  public static AdversaryDecision skip() {
    return new AdversaryDecision(SKIP, Map.of(), null, null);
  }
}
