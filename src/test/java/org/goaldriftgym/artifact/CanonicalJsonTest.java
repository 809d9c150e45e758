package org.goaldriftgym.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 canonical JSON: the numbers of the RFC's Appendix B and ECMAScript's String(x). */
class CanonicalJsonTest {

  /** RFC 8785 Appendix B: IEEE 754 bits and the canonical text (also node's String(x)). */
  @ParameterizedTest
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void numbersOfTheRfcAppendix(String bits, String expected) {
    double value = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(bits));
    assertEquals(expected, CanonicalJson.number(value));
  }

  /** Expected values from node: {@code node -e 'console.log(String(0.0001))'} and so on. */
  @ParameterizedTest
  @CsvSource({
    "0.0001, 0.0001",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "1e-7, 1e-7",
    "2e-7, 2e-7",
    "1e-6, 0.000001",
    "123456789012, 123456789012",
    "123456789012.5, 123456789012.5",
    "-0.0, 0",
    "1.0, 1",
    "100.0, 100",
    "0.12, 0.12",
    "4.35, 4.35",
    "1.5e300, 1.5e+300"
  })
  void numbersAsEcmaScriptWritesThem(double value, String expected) {
    assertEquals(expected, CanonicalJson.number(value));
  }

  @Test
  void sumOfTenthsKeepsItsShortestRoundTrip() {
    assertEquals("0.30000000000000004", CanonicalJson.number(0.1 + 0.2)); // node: String(0.1+0.2)
  }

  @Test
  void jsonCannotHoldNaNOrInfinity() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.number(Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> CanonicalJson.number(Double.POSITIVE_INFINITY));
  }

  @Test
  void objectsSortKeysStringsEscapeOnlyWhatTheRfcSays() throws Exception {
    JsonNode node =
        Json.MAPPER.readTree(
            "{\"b\": [1.0E-4, {\"z\": null, \"a\": \"x \\u001f\\n\\\"/é€\"}], \"a\": 1.0,"
                + " \"seed\": 12345678901234567, \"t\": true}");
    // python3: the docs' canonical() of json.loads of the same text gives the same string
    assertEquals(
        "{\"a\":1,\"b\":[0.0001,{\"a\":\"x \\u001f\\n\\\"/é€\",\"z\":null}],"
            + "\"seed\":12345678901234567,\"t\":true}",
        CanonicalJson.of(node));
  }
}
