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
          if (seeds.size() > MAX_SEEDS) {
            throw tooMany(item);
          }
          continue;
        }
        long from = Long.parseLong(item.substring(0, range).trim());
        long to = Long.parseLong(item.substring(range + 2).trim());
        if (to < from) {
          throw new IllegalArgumentException(
              "--seeds range " + item + " is empty: write it low..high");
        }
        // to - from may not fit in a long (-2^63..2^63-1); as unsigned it is exact
        if (Long.compareUnsigned(to - from, MAX_SEEDS) >= 0
            || seeds.size() + (to - from) >= MAX_SEEDS) {
          throw tooMany(item);
        }
        for (long seed = from; ; seed++) { // seed <= to would never fail for to = Long.MAX_VALUE
          seeds.add(seed);
          if (seed == to) {
            break;
          }
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

  private static IllegalArgumentException tooMany(String item) {
    return new IllegalArgumentException(
        "--seeds "
            + item
            + " makes more than "
            + MAX_SEEDS
            + " seeds; split the sweep (--shard or several --seeds ranges in separate sweeps)");
  }
}
