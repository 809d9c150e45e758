package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.scenario.ArgSpec;
import org.goaldriftgym.scenario.ToolSpec;

/**
 * The {@code tools} array of a request, generated from a scenario's typed tool specs: one function
 * per tool whose {@code parameters} is a JSON Schema object (each argument a number greater than 0
 * with its description and default; none required; no other properties). Stateless.
 */
public final class ToolSchemas {

  private ToolSchemas() {}

  /** The wire {@code tools} array. */
  public static ArrayNode tools(List<ToolSpec> tools) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (ToolSpec tool : tools) {
      ObjectNode entry = array.addObject();
      entry.put("type", "function");
      ObjectNode function = entry.putObject("function");
      function.put("name", tool.name());
      function.put("description", tool.description());
      function.set("parameters", parameters(tool));
    }
    return array;
  }

  /** The JSON Schema of one tool's arguments. */
  public static ObjectNode parameters(ToolSpec tool) {
    ObjectNode schema = Json.object();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    for (ArgSpec arg : tool.args()) {
      ObjectNode property = properties.putObject(arg.name());
      property.put("type", "number");
      property.put("exclusiveMinimum", 0);
      property.put("description", arg.description());
      property.put("default", arg.defaultValue());
    }
    schema.putArray("required");
    schema.put("additionalProperties", false);
    return schema;
  }
}
