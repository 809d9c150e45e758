package org.goaldriftgym.artifact;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Canonicalization Scheme of RFC 8785, so that a hash over it can be recomputed in any
 * language: object keys sorted by UTF-16 code units at every level, no whitespace, strings with
 * only the escapes the RFC prescribes, and numbers as ECMAScript's {@code
 * Number.prototype.toString} writes them (shortest round-trip digits; {@code 0.0001}, {@code 1e-7},
 * {@code 1e+21}, {@code 1} for {@code 1.0}, {@code 0} for {@code -0.0}).
 *
 * <p>One deliberate difference: an integer (a JSON number without fraction or exponent, such as a
 * seed) is written with all its digits. For integers up to 2<sup>53</sup> in magnitude this is what
 * the RFC writes too; beyond that the RFC would round through a double, so that two seeds would
 * share a hash. Stateless.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /** The canonical text of a tree. */
  public static String of(JsonNode node) {
    StringBuilder text = new StringBuilder();
    write(text, node);
    return text.toString();
  }

  private static void write(StringBuilder text, JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>(); // String order is UTF-16 code-unit order
      node.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
      text.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
        text.append(first ? "" : ",");
        first = false;
        string(text, field.getKey());
        text.append(':');
        write(text, field.getValue());
      }
      text.append('}');
    } else if (node.isArray()) {
      text.append('[');
      for (int i = 0; i < node.size(); i++) {
        text.append(i == 0 ? "" : ",");
        write(text, node.get(i));
      }
      text.append(']');
    } else if (node.isTextual()) {
      string(text, node.textValue());
    } else if (node.isIntegralNumber()) {
      text.append(node.bigIntegerValue().toString());
    } else if (node.isNumber()) {
      text.append(number(node.doubleValue()));
    } else if (node.isBoolean()) {
      text.append(node.booleanValue());
    } else if (node.isNull()) {
      text.append("null");
    } else {
      throw new IllegalArgumentException("no canonical JSON for a " + node.getNodeType());
    }
  }

  private static void string(StringBuilder text, String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\b' -> text.append("\\b");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\f' -> text.append("\\f");
        case '\r' -> text.append("\\r");
        default -> {
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }

  /**
   * A double as ECMAScript's {@code Number.prototype.toString} writes it (RFC 8785 section
   * 3.2.2.3).
   *
   * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
   */
  public static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JSON has no " + value);
    }
    if (value == 0) {
      return "0"; // -0 too
    }
    if (value < 0) {
      return "-" + number(-value);
    }
    BigDecimal shortest = shortest(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = 0.digits * 10^n
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    int exponent = n - 1;
    return digits.charAt(0)
        + (k > 1 ? "." + digits.substring(1) : "")
        + "e"
        + (exponent > 0 ? "+" : "-")
        + Math.abs(exponent);
  }

  /**
   * The shortest decimal that reads back as {@code value} (the closest one when several are as
   * short), without trailing zeros.
   */
  private static BigDecimal shortest(double value) {
    // Schubfach (as in JDK 19+ Double.toString): shortest, except that it gives two digits where
    // one would do; ECMAScript and Python take the one digit then
    BigDecimal decimal = new BigDecimal(NumberOutput.toString(value, true)).stripTrailingZeros();
    if (decimal.precision() == 2) {
      BigDecimal one = new BigDecimal(value).round(new MathContext(1, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(one.toString()) == value) {
        return one.stripTrailingZeros();
      }
    }
    return decimal;
  }
}
