package org.goaldriftgym.scenario;

/** The type of a scenario parameter; decides how config values and {@code key=value} are read. */
public enum ParamType {
  INTEGER("integer"), // 64-bit, normalised to Long
  NUMBER("number"),
  BOOLEAN("boolean"),
  STRING("string"),
  STRING_LIST("list of strings"),
  NUDGES("list of [threshold, text] pairs");

  private final String label;

  ParamType(String label) {
    this.label = label;
  }

  /** How the type is named in messages and in {@code list-scenarios --json}. */
  public String label() {
    return label;
  }
}
