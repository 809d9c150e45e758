package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the first place where two JSON trees differ, as a path such as {@code
 * outcome.log.events[2]}.
 */
public final class JsonDiff {

  private JsonDiff() {}

  /**
   * The first difference, in document order of {@code expected}.
   *
   * @param expected the recorded tree
   * @param actual the tree to compare with it
   */
  public static Optional<Difference> first(JsonNode expected, JsonNode actual) {
    return first("", expected, actual);
  }

  private static Optional<Difference> first(String path, JsonNode expected, JsonNode actual) {
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> seen = new TreeSet<>();
      Iterator<String> names = expected.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        seen.add(name);
        String child = path.isEmpty() ? name : path + "." + name;
        if (!actual.has(name)) {
          return Optional.of(new Difference(child, expected.get(name), null));
        }
        Optional<Difference> inner = first(child, expected.get(name), actual.get(name));
        if (inner.isPresent()) {
          return inner;
        }
      }
      Iterator<String> extra = actual.fieldNames();
      while (extra.hasNext()) {
        String name = extra.next();
        if (!seen.contains(name)) {
          String child = path.isEmpty() ? name : path + "." + name;
          return Optional.of(new Difference(child, null, actual.get(name)));
        }
      }
      return Optional.empty();
    }
    if (expected.isArray() && actual.isArray()) {
      int common = Math.min(expected.size(), actual.size());
      for (int i = 0; i < common; i++) {
        Optional<Difference> inner = first(path + "[" + i + "]", expected.get(i), actual.get(i));
        if (inner.isPresent()) {
          return inner;
        }
      }
      if (expected.size() != actual.size()) {
        return Optional.of(
            new Difference(
                path + ".length",
                IntNode.valueOf(expected.size()),
                IntNode.valueOf(actual.size())));
      }
      return Optional.empty();
    }
    return sameValue(expected, actual)
        ? Optional.empty()
        : Optional.of(new Difference(path.isEmpty() ? "(root)" : path, expected, actual));
  }

  /** Equal leaves; numbers by value, so an int 7 read back from text equals a long 7. */
  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }

  /**
   * Where two trees differ and the two values there; a value is {@code null} where that side has no
   * such key.
   */
  public record Difference(String path, JsonNode expected, JsonNode actual) {
    @Override
    public String toString() {
      return path + ": recorded " + text(expected) + ", replayed " + text(actual);
    }

    /** A value as short JSON text, "(missing)" for an absent key. */
    public static String text(JsonNode value) {
      if (value == null) {
        return "(missing)";
      }
      String text = value.toString();
      return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
  }
}
