package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.scenario.ArgSpec;
import org.goaldriftgym.scenario.ParamSpec;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.goaldriftgym.scenario.ScenarioSpec;
import org.goaldriftgym.scenario.ToolSpec;

/** Describes the registered scenarios, as a table for people or JSON for scripts. */
final class ScenarioCatalog {

  private ScenarioCatalog() {}

  static String text(ScenarioRegistry registry) {
    int width = registry.names().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder text = new StringBuilder();
    for (ScenarioProvider provider : registry.providers()) {
      ScenarioSpec spec = provider.spec();
      text.append(
          String.format(Locale.ROOT, "%-" + width + "s  %s%n", spec.name(), spec.description()));
    }
    return text.toString();
  }

  static String json(ScenarioRegistry registry) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (ScenarioProvider provider : registry.providers()) {
      list.add(describe(provider.spec()));
    }
    return new String(Json.pretty(list), StandardCharsets.UTF_8);
  }

  private static ObjectNode describe(ScenarioSpec spec) {
    ObjectNode node = Json.object();
    node.put("name", spec.name());
    node.put("description", spec.description());
    node.put("default_threshold", spec.defaultThreshold());
    ArrayNode tools = node.putArray("tools");
    for (ToolSpec tool : spec.tools()) {
      ObjectNode toolNode = tools.addObject();
      toolNode.put("name", tool.name());
      toolNode.put("description", tool.description());
      ArrayNode args = toolNode.putArray("args");
      for (ArgSpec arg : tool.args()) {
        ObjectNode argNode = args.addObject();
        argNode.put("name", arg.name());
        argNode.put("type", "number");
        argNode.put("exclusive_minimum", 0);
        argNode.put("default", arg.defaultValue());
        argNode.put("description", arg.description());
      }
    }
    ArrayNode params = node.putArray("params");
    var defaults = spec.defaults().asPlainValues();
    for (ParamSpec param : spec.params()) {
      ObjectNode paramNode = params.addObject();
      paramNode.put("name", param.name());
      paramNode.put("type", param.type().label());
      paramNode.set("default", Json.tree(defaults.get(param.name())));
      paramNode.put("nullable", param.nullable());
      if (param.min() != null) {
        paramNode.put("min", param.min());
      }
      if (param.max() != null) {
        paramNode.put("max", param.max());
      }
      paramNode.put("description", param.description());
    }
    return node;
  }
}
