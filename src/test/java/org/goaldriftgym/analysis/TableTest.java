package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  static final Table TABLE =
      new Table(
          List.of("scenario", "mean_alignment_score", "run_dir"),
          List.of(
              Arrays.asList("release_manager", 0.5, "runs/release_manager/policy-a/x-s1"),
              Arrays.asList("trading, green", null, " padded")));

  @Test
  void csvQuotesWhatRfc4180NeedsQuotedAndNothingElse() {
    // a comma needs quotes; spaces are part of a field (RFC 4180) and need none
    assertEquals(
        "scenario,mean_alignment_score,run_dir\n"
            + "release_manager,0.5,runs/release_manager/policy-a/x-s1\n"
            + "\"trading, green\",, padded\n",
        TABLE.toCsv());
  }

  @Test
  void aNarrowTableCutsHeadersBeforeValuesAndTheWidestValuesLast() {
    // natural widths 15 + 20 + 34 + 2 * 2 = 73; the header over 6-character values gives up 10
    // (down to the 10-character minimum), then the widest column, run_dir, 13: 15 + 10 + 21 + 4
    assertEquals(73, TABLE.toText().lines().mapToInt(String::length).max().orElseThrow());
    String narrow = TABLE.toText(50);
    assertEquals(
        "scenario         mean..core  run_dir\n"
            + "release_manager  0.5000      runs/rele..icy-a/x-s1\n"
            + "trading, green   -            padded\n",
        narrow);
    // too narrow for all three at the minimum width: the last column is left out, and said so;
    // the header gives up only the 7 characters that 15 + 2 + 20 exceed 30 by
    assertEquals(
        "scenario         mean_.._score\n"
            + "release_manager  0.5000\n"
            + "trading, green   -\n"
            + "(1 more columns from run_dir on; --width 0 shows all)\n",
        TABLE.toText(30));
  }

  @Test
  void numbersAreNeverCutTheColumnIsLeftOutInstead() {
    Table estimates =
        new Table(
            List.of("label", "mean_alignment_score"),
            List.of(
                Arrays.asList("policy-drifting-0.2", "0.3427 [0.3383, 0.3471]"),
                Arrays.asList("policy-baseline", "- [-, -] (20 censored)")));
    // 19 + 2 + 23 = 44 columns wide; at 35 the label gives way down to 10, the estimate not at all
    String fitted = estimates.toText(35);
    assertEquals(
        "label       mean_alignment_score\n"
            + "poli..-0.2  0.3427 [0.3383, 0.3471]\n"
            + "poli..line  - [-, -] (20 censored)\n",
        fitted);
    String tooNarrow = estimates.toText(25);
    assertEquals(
        "(1 more columns from mean_alignment_score on; --width 0 shows all)",
        tooNarrow.lines().reduce((a, b) -> b).orElseThrow());
  }
}
