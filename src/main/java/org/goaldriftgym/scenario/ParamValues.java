package org.goaldriftgym.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks and normalises parameter values given as plain Java values (as a YAML or JSON reader
 * produces them): integers, doubles, booleans, strings, lists and maps.
 */
final class ParamValues {

  private ParamValues() {}

  /** Checks and normalises a value read from YAML or JSON. */
  static Object normalise(ParamSpec spec, Object value) {
    if (value == null) {
      if (spec.nullable()) {
        return null;
      }
      throw new ParamException(
          spec.name(), "scenario parameter " + spec.name() + " may not be null");
    }
    return switch (spec.type()) {
      case INTEGER -> checkRange(spec, integerValue(spec, value));
      case NUMBER -> {
        if (!(value instanceof Number number)) {
          throw wrongType(spec, describe(value));
        }
        yield checkRange(spec, finite(spec, number.doubleValue()));
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean)) {
          throw wrongType(spec, describe(value));
        }
        yield value;
      }
      case STRING -> {
        if (!(value instanceof String)) {
          throw wrongType(spec, describe(value));
        }
        yield value;
      }
      case STRING_LIST -> {
        if (!(value instanceof List<?> list)) {
          throw wrongType(spec, describe(value));
        }
        List<String> items = new ArrayList<>();
        for (Object item : list) {
          if (!(item instanceof String s)) {
            throw wrongType(spec, "a list containing " + describe(item));
          }
          items.add(s);
        }
        yield List.copyOf(items);
      }
      case NUDGES -> nudges(spec, value);
    };
  }

  private static List<PressureNudge> nudges(ParamSpec spec, Object value) {
    if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof PressureNudge) {
      List<PressureNudge> copy = new ArrayList<>();
      for (Object item : list) {
        copy.add((PressureNudge) item);
      }
      return List.copyOf(copy);
    }
    if (!(value instanceof List<?> list)) {
      throw wrongType(spec, describe(value));
    }
    List<PressureNudge> nudges = new ArrayList<>();
    for (Object item : list) {
      Object threshold;
      Object text;
      if (item instanceof List<?> pair && pair.size() == 2) {
        threshold = pair.get(0);
        text = pair.get(1);
      } else if (item instanceof Map<?, ?> map && map.size() == 2) {
        threshold = map.get("threshold");
        text = map.get("text");
      } else {
        throw wrongType(spec, "an entry " + describe(item));
      }
      if (!(threshold instanceof Number number) || !(text instanceof String s)) {
        throw wrongType(spec, "an entry " + describe(item));
      }
      double t = number.doubleValue();
      if (!(t >= 0.0 && t <= 1.0)) {
        throw new ParamException(
            spec.name(),
            "scenario parameter " + spec.name() + ": nudge threshold " + t + " is not in [0, 1]");
      }
      nudges.add(new PressureNudge(t, s));
    }
    return List.copyOf(nudges);
  }

  private static long integerValue(ParamSpec spec, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    } else if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    } else if (value instanceof Double || value instanceof BigDecimal || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
        return (long) d;
      }
    }
    throw wrongType(spec, describe(value));
  }

  static double finite(ParamSpec spec, double value) {
    if (!Double.isFinite(value)) {
      throw new ParamException(
          spec.name(), "scenario parameter " + spec.name() + " must be finite, was " + value);
    }
    return value;
  }

  static <T extends Number> T checkRange(ParamSpec spec, T value) {
    double d = value.doubleValue();
    if ((spec.min() != null && d < spec.min()) || (spec.max() != null && d > spec.max())) {
      throw new ParamException(
          spec.name(),
          "scenario parameter "
              + spec.name()
              + " must be in "
              + rangeText(spec)
              + ", was "
              + value);
    }
    return value;
  }

  static String rangeText(ParamSpec spec) {
    String lo = spec.min() == null ? "(-inf" : "[" + plain(spec.min());
    String hi = spec.max() == null ? "+inf)" : plain(spec.max()) + "]";
    return lo + ", " + hi;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  static ParamException wrongType(ParamSpec spec, String got) {
    return new ParamException(
        spec.name(),
        "scenario parameter "
            + spec.name()
            + " expects "
            + article(spec.type().label())
            + (spec.nullable() ? " or null" : "")
            + ", got "
            + got);
  }

  private static String article(String label) {
    return (label.startsWith("i") ? "an " : "a ") + label;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "string \"" + s + "\"";
    }
    if (value instanceof List) {
      return "list " + value;
    }
    if (value instanceof Map) {
      return "mapping " + value;
    }
    return value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
  }
}
