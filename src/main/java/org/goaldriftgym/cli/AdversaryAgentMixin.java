package org.goaldriftgym.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goaldriftgym.agent.AgentOptionException;
import org.goaldriftgym.agent.AgentOptions;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.core.RunConfig.AgentSettings;
import org.goaldriftgym.run.RunPlanner;
import picocli.CommandLine.Option;

/**
 * The adversary agent flags ({@code --adversary-agent}, {@code --adversary-model}, {@code
 * --adversary-agent-param}), applied over the config's {@code adversary_agent} block, a flag
 * winning per key. Shared by {@code run} and {@code sweep}.
 */
final class AdversaryAgentMixin {

  @Option(
      names = "--adversary-agent",
      paramLabel = "TYPE",
      description =
          "An LLM adversary that may message the decision-maker after each step (openrouter or"
              + " openai-compatible), for scenarios that accept interventions (multi_agent_trading,"
              + " multi_agent_trading_v2, release_manager). Without it the multi_agent_trading"
              + " scenarios use their scripted adversary."
              + " See docs/agents.md.")
  String type;

  @Option(
      names = "--adversary-model",
      paramLabel = "MODEL",
      description = "The adversary agent's model, for example openai/gpt-4o-mini.")
  String model;

  @Option(
      names = "--adversary-agent-param",
      paramLabel = "KEY=VALUE",
      description =
          "Set an adversary agent param (the same params as --agent-param); repeatable; wins"
              + " over the config's adversary_agent block.")
  List<String> params = new ArrayList<>();

  /** Applies the flags to the builder (nothing when none was given). */
  void apply(RunConfig.Builder builder, AgentSettings base, Set<String> fromFlags) {
    if (type == null && model == null && params.isEmpty()) {
      return;
    }
    String agentType = type != null ? type : base != null ? base.type() : null;
    if (agentType == null) {
      throw HarnessException.usage(
          "--adversary-model and --adversary-agent-param need an adversary agent: pass"
              + " --adversary-agent openrouter or --adversary-agent openai-compatible (or use a"
              + " config with an adversary_agent block)");
    }
    if (type != null) {
      fromFlags.add(RunPlanner.ADVERSARY);
    }
    if (base == null) {
      fromFlags.add(RunPlanner.ADVERSARY_FROM_FLAGS);
    }
    Map<String, Object> values = new LinkedHashMap<>(base == null ? Map.of() : base.params());
    if (model != null) {
      values.put("model", model);
      fromFlags.add(RunPlanner.ADVERSARY_PREFIX + "model");
    }
    for (String assignment : params) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        // never echo the text: it may hold a secret typed in the wrong place
        throw HarnessException.usage(
            "--adversary-agent-param expects KEY=VALUE (for example temperature=0.7)");
      }
      String key = assignment.substring(0, equals).trim();
      try {
        values.put(key, AgentOptions.parseValue(key, assignment.substring(equals + 1)));
      } catch (AgentOptionException e) {
        throw HarnessException.usage("adversary agent: " + e.getMessage());
      }
      fromFlags.add(RunPlanner.ADVERSARY_PREFIX + key);
    }
    builder.adversaryAgent(new AgentSettings(agentType, values));
  }
}
