package org.goaldriftgym.sweep;

import java.util.List;

/**
 * A deterministic slice {@code i/n} of a sweep: shard {@code i} (1-based) takes the items whose
 * index {@code k} has {@code k mod n == i - 1}. The {@code n} shards together hold every item
 * exactly once, so a CI matrix or a cluster job array can split one sweep. Immutable.
 */
public record Shard(int index, int count) {

  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "shard must be i/n with 1 <= i <= n, got " + index + "/" + count);
    }
  }

  /**
   * Parses {@code i/n}.
   *
   * @throws IllegalArgumentException with a message showing the expected form
   */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(
        "--shard expects i/n with 1 <= i <= n (for example 2/4), got '" + text + "'");
  }

  public boolean contains(SweepItem item) {
    return item.index() % count == index - 1;
  }

  public List<SweepItem> slice(List<SweepItem> items) {
    return items.stream().filter(this::contains).toList();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
