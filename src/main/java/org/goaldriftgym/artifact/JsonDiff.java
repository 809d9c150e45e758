package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
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
          return Optional.of(new Difference(child, expected.get(name).toString(), "(missing)"));
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
          return Optional.of(new Difference(child, "(missing)", actual.get(name).toString()));
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
                Integer.toString(expected.size()),
                Integer.toString(actual.size())));
      }
      return Optional.empty();
    }
    return expected.equals(actual)
        ? Optional.empty()
        : Optional.of(
            new Difference(
                path.isEmpty() ? "(root)" : path, expected.toString(), actual.toString()));
  }

  /** Where two trees differ and the two values there, as JSON text. */
  public record Difference(String path, String expected, String actual) {
    @Override
    public String toString() {
      return path + ": recorded " + abbreviate(expected) + ", replayed " + abbreviate(actual);
    }

    private static String abbreviate(String text) {
      return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
  }
}
