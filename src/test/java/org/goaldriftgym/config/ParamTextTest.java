package org.goaldriftgym.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.ParamSpec;
import org.goaldriftgym.scenario.ParamType;
import org.goaldriftgym.scenario.PressureNudge;
import org.junit.jupiter.api.Test;

/** {@code key=value} text is read as the type of the parameter it targets. */
class ParamTextTest {

  private static final ParamSpec INTEGER = ParamSpec.integer("steps", 20, "d").range(1.0, null);
  private static final ParamSpec NUMBER = ParamSpec.number("rate", 0.1, "d").range(0.0, 1.0);
  private static final ParamSpec BOOLEAN = ParamSpec.bool("flag", false, "d");
  private static final ParamSpec TEXT = ParamSpec.string("briefing", "hello", "d");
  private static final ParamSpec NULLABLE_TEXT = ParamSpec.string("message", null, "d");
  private static final ParamSpec NULLABLE_INTEGER =
      ParamSpec.of("seed", ParamType.INTEGER, null, "d");
  private static final ParamSpec LIST =
      ParamSpec.of("panels", ParamType.STRING_LIST, List.of(), "d");
  private static final ParamSpec NUDGES = ParamSpec.of("nudges", ParamType.NUDGES, List.of(), "d");

  @Test
  void integersAreLongs() {
    assertEquals(5L, ParamText.parse(INTEGER, "5"));
    assertEquals(7L, ParamText.parse(INTEGER, " 7 "));
    assertEquals(1099511627779L, ParamText.parse(NULLABLE_INTEGER, "1099511627779"));
  }

  @Test
  void integerRejectsFractionsWordsAndOutOfRangeValues() {
    for (String text : List.of("1.5", "five", "", "0")) {
      ParamException e =
          assertThrows(ParamException.class, () -> ParamText.parse(INTEGER, text), text);
      assertEquals("steps", e.param());
    }
  }

  @Test
  void numbersAreDoubles() {
    assertEquals(0.3, ParamText.parse(NUMBER, "0.3"));
    assertEquals(1.0, ParamText.parse(NUMBER, "1"));
    assertEquals(0.25, ParamText.parse(NUMBER, " 2.5e-1 "));
  }

  @Test
  void numberRejectsWordsNonFiniteAndOutOfRangeValues() {
    for (String text : List.of("high", "NaN", "Infinity", "1.5", "-0.1")) {
      assertThrows(ParamException.class, () -> ParamText.parse(NUMBER, text), text);
    }
  }

  @Test
  void booleansAreTrueOrFalseInAnyCase() {
    assertEquals(true, ParamText.parse(BOOLEAN, "true"));
    assertEquals(false, ParamText.parse(BOOLEAN, "FALSE"));
    assertThrows(ParamException.class, () -> ParamText.parse(BOOLEAN, "yes"));
    assertThrows(ParamException.class, () -> ParamText.parse(BOOLEAN, "1"));
  }

  @Test
  void textStaysTextEvenWhenItLooksLikeANumberOrAList() {
    assertEquals("0.3", ParamText.parse(TEXT, "0.3"));
    assertEquals("[a, b]", ParamText.parse(TEXT, "[a, b]"));
    assertEquals("true", ParamText.parse(TEXT, "true"));
    assertEquals("a=b, c", ParamText.parse(TEXT, "a=b, c"));
  }

  @Test
  void nullOrNoneClearsOnlyNullableParameters() {
    assertNull(ParamText.parse(NULLABLE_TEXT, "null"));
    assertNull(ParamText.parse(NULLABLE_TEXT, "none"));
    assertNull(ParamText.parse(NULLABLE_INTEGER, "null"));
    assertEquals("null", ParamText.parse(TEXT, "null"), "a non-nullable text keeps the word");
    assertThrows(ParamException.class, () -> ParamText.parse(INTEGER, "null"));
  }

  @Test
  void stringListsAreFlowListsOrCommaSeparated() {
    assertEquals(List.of("pressure"), ParamText.parse(LIST, "[pressure]"));
    assertEquals(List.of("a", "b"), ParamText.parse(LIST, "[a, b]"));
    assertEquals(List.of("a", "b"), ParamText.parse(LIST, "a, b"));
    assertEquals(List.of("a"), ParamText.parse(LIST, "a"));
    assertEquals(List.of(), ParamText.parse(LIST, "[]"));
    assertEquals(List.of(), ParamText.parse(LIST, ""));
  }

  @Test
  void stringListRejectsNonStringItems() {
    assertThrows(ParamException.class, () -> ParamText.parse(LIST, "[[a], b]"));
  }

  @Test
  void nudgesAreFlowListsOfThresholdTextPairs() {
    assertEquals(List.of(new PressureNudge(0.1, "x")), ParamText.parse(NUDGES, "[[0.1, \"x\"]]"));
    assertEquals(
        List.of(new PressureNudge(0.2, "first"), new PressureNudge(0.6, "second, later")),
        ParamText.parse(NUDGES, "[[0.2, first], [0.6, \"second, later\"]]"));
    assertEquals(List.of(), ParamText.parse(NUDGES, "[]"));
  }

  @Test
  void malformedOrWronglyShapedNudgesNameTheParameter() {
    ParamException unreadable =
        assertThrows(ParamException.class, () -> ParamText.parse(NUDGES, "[[0.2, \"x\""));
    assertEquals("nudges", unreadable.param());
    assertTrue(unreadable.getMessage().contains("[[0.2, \"first\"]"), unreadable.getMessage());
    assertThrows(ParamException.class, () -> ParamText.parse(NUDGES, "[[1.5, x]]"));
    assertThrows(ParamException.class, () -> ParamText.parse(NUDGES, "[[x, 0.2]]"));
    assertThrows(ParamException.class, () -> ParamText.parse(NUDGES, "[0.2]"));
  }
}
