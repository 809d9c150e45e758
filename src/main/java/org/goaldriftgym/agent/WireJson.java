package org.goaldriftgym.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.artifact.Json;

/**
 * The wire's own JSON helpers: lenient parsing of replies and typed field access. Encoding,
 * canonical text and hashing are {@link Json}'s. Thread-safe.
 */
final class WireJson {

  private static final ObjectMapper MAPPER = Json.MAPPER;

  private WireJson() {}

  /** Parses JSON text; {@code null} when it is not JSON. */
  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** A JSON object as an ordered map of plain Java values. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> plainMap(JsonNode node) {
    return MAPPER.convertValue(node, java.util.LinkedHashMap.class);
  }

  /** The text of a field when it is a string, else {@code null}. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** The value of an integral field, else {@code null}. */
  static Long integer(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isNumber() ? value.asLong() : null;
  }

  static Iterator<JsonNode> elements(JsonNode node) {
    return node != null && node.isArray() ? node.elements() : List.<JsonNode>of().iterator();
  }
}
