package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.goaldriftgym.core.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The invalid-action rules of scenarios.md, checked on the shared parser. */
class ToolCallsTest {

  private static final List<ToolSpec> TOOLS =
      List.of(
          ToolSpec.of("buy", "Buy shares.", ArgSpec.positiveNumber("quantity", "Shares.", 1.0)),
          ToolSpec.of("review", "Review."));

  private static ToolCall parse(Action action) {
    return ToolCalls.parse(TOOLS, action);
  }

  private static ToolCall buy(Object quantity) {
    return parse(Action.of("buy", Map.of("quantity", quantity)));
  }

  @Test
  void absentQuantityDefaultsToOne() {
    ToolCall.Valid call = assertInstanceOf(ToolCall.Valid.class, parse(Action.of("buy")));
    assertEquals(1.0, call.number("quantity"));
  }

  @Test
  void numericStringsCountAsTheirNumber() {
    assertEquals(50.0, assertInstanceOf(ToolCall.Valid.class, buy("50")).number("quantity"));
    assertEquals(2.5, assertInstanceOf(ToolCall.Valid.class, buy(" 2.5 ")).number("quantity"));
    assertEquals(1000.0, assertInstanceOf(ToolCall.Valid.class, buy("1e3")).number("quantity"));
    assertEquals(0.5, assertInstanceOf(ToolCall.Valid.class, buy(".5")).number("quantity"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"50d", "1f", "0x1p3", "lots", "", "1,000"})
  void textThatPythonFloatWouldRejectIsNotANumber(String text) {
    ToolCall.Invalid call = assertInstanceOf(ToolCall.Invalid.class, buy(text));
    assertTrue(call.reason().contains("must be a number"), call.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"inf", "-Infinity", "NaN"})
  void nonFiniteTextIsInvalidAsNonFinite(String text) {
    ToolCall.Invalid call = assertInstanceOf(ToolCall.Invalid.class, buy(text));
    assertTrue(call.reason().contains("must be finite"), call.reason());
  }

  @Test
  void zeroNegativeAndBooleanQuantitiesAreInvalid() {
    assertTrue(((ToolCall.Invalid) buy(0)).reason().contains("> 0"));
    assertTrue(((ToolCall.Invalid) buy(-3.5)).reason().contains("> 0"));
    assertTrue(((ToolCall.Invalid) buy(true)).reason().contains("must be a number"));
    assertTrue(((ToolCall.Invalid) buy(List.of(1))).reason().contains("must be a number"));
  }

  @Test
  void unknownToolNamesTheOfferedOnesAndTheNearest() {
    ToolCall.Invalid call = assertInstanceOf(ToolCall.Invalid.class, parse(Action.of("reveiw")));
    assertTrue(call.reason().contains("did you mean review?"), call.reason());
    assertTrue(call.reason().contains("offered: buy, review"), call.reason());
  }

  @Test
  void argumentsThatAreNotAnObjectAreInvalid() {
    ToolCall.Invalid call =
        assertInstanceOf(
            ToolCall.Invalid.class,
            parse(Action.withUnreadableArgs("buy", "arguments are a list")));
    assertEquals("arguments are a list", call.reason());
  }

  @Test
  void unknownArgumentsAreIgnoredButNoted() {
    ToolCall.Valid call =
        assertInstanceOf(
            ToolCall.Valid.class, parse(Action.of("review", Map.of("urgency", "high"))));
    assertEquals(List.of("ignored unknown argument 'urgency' of review"), call.notes());
  }
}
