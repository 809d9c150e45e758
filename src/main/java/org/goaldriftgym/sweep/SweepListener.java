package org.goaldriftgym.sweep;

/** Hears about each finished sweep item, from the worker threads (implementations synchronise). */
@FunctionalInterface
public interface SweepListener {

  /**
   * @param done items finished so far, including this one
   * @param total items in this sweep (this shard)
   */
  void onFinished(SweepEntry entry, int done, int total);
}
