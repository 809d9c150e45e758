package org.goaldriftgym.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.ParamSpec;

/**
 * Reads a command-line {@code key=value} value as the type of the parameter it targets, never by
 * guessing: {@code 0.3} is a number for a number parameter and text for a text parameter; {@code
 * null} (or {@code none}) clears a nullable parameter; lists are YAML flow lists ({@code [a, b]},
 * {@code [[0.2, "text"], [0.6, "more"]]}) or, for lists of strings, comma-separated.
 */
public final class ParamText {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ParamText() {}

  /**
   * Parses and checks the value.
   *
   * @throws ParamException naming the parameter and the expected type
   */
  public static Object parse(ParamSpec spec, String text) {
    String trimmed = text.trim();
    if (spec.nullable() && (trimmed.equals("null") || trimmed.equals("none"))) {
      return null;
    }
    Object raw =
        switch (spec.type()) {
          case INTEGER -> parseLong(trimmed);
          case NUMBER -> parseDouble(trimmed);
          case BOOLEAN -> parseBoolean(trimmed);
          case STRING -> text;
          case STRING_LIST -> trimmed.startsWith("[") ? flow(spec, trimmed) : commaList(trimmed);
          case NUDGES -> flow(spec, trimmed);
        };
    return spec.normalise(raw == null ? text : raw);
  }

  private static Object parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object parseDouble(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object parseBoolean(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false") ? Boolean.valueOf(lower) : null;
  }

  private static List<String> commaList(String text) {
    return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).toList();
  }

  private static Object flow(ParamSpec spec, String text) {
    try {
      return YAML.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new ParamException(
          spec.name(),
          "scenario parameter "
              + spec.name()
              + " expects a "
              + spec.type().label()
              + " written as a YAML flow list, for example "
              + (spec.type() == org.goaldriftgym.scenario.ParamType.NUDGES
                  ? "[[0.2, \"first\"], [0.6, \"second\"]]"
                  : "[a, b]")
              + "; could not read: "
              + text);
    }
  }
}
