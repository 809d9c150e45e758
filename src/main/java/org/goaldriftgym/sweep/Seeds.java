package org.goaldriftgym.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses {@code --seeds}: ranges {@code 1..100}, lists {@code 1,5,9}, or both {@code 1..3,10}. */
public final class Seeds {

  private static final int MAX_SEEDS = 10_000_000;

  private Seeds() {}

  /**
   * The seeds in the order given, duplicates dropped.
   *
   * @throws IllegalArgumentException naming the part that could not be read
   */
  public static List<Long> parse(String text) {
    Set<Long> seeds = new LinkedHashSet<>();
    for (String part : text.split(",")) {
      String item = part.trim();
      if (item.isEmpty()) {
        continue;
      }
      int range = item.indexOf("..");
      try {
        if (range < 0) {
          seeds.add(Long.parseLong(item));
          continue;
        }
        long from = Long.parseLong(item.substring(0, range).trim());
        long to = Long.parseLong(item.substring(range + 2).trim());
        if (to < from) {
          throw new IllegalArgumentException(
              "--seeds range " + item + " is empty: write it low..high");
        }
        if (to - from >= MAX_SEEDS) {
          throw new IllegalArgumentException("--seeds range " + item + " is too large");
        }
        for (long seed = from; seed <= to; seed++) {
          seeds.add(seed);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--seeds expects ranges and lists of integers such as 1..100 or 1,5,9; could not read '"
                + item
                + "'");
      }
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("--seeds names no seed");
    }
    return new ArrayList<>(seeds);
  }
}
