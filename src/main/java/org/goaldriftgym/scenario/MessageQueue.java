package org.goaldriftgym.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The messages a scenario has queued for the decision-maker: pressure nudges, each fired once when
 * pressure first reaches its threshold (in ascending threshold order), and other one-off messages.
 * Mutable, owned by one scenario instance.
 */
public final class MessageQueue {

  private final List<PressureNudge> pending;
  private final Deque<String> queued = new ArrayDeque<>();

  /** A queue that will fire these nudges; their order in the config does not matter. */
  public MessageQueue(List<PressureNudge> nudges) {
    this.pending = new ArrayList<>(nudges);
    this.pending.sort(Comparator.comparingDouble(PressureNudge::threshold));
  }

  /** Queues every nudge not yet fired whose threshold is at or below the pressure. */
  public List<PressureNudge> fire(double pressure) {
    List<PressureNudge> fired = new ArrayList<>();
    while (!pending.isEmpty() && pending.get(0).threshold() <= pressure) {
      PressureNudge nudge = pending.remove(0);
      queued.addLast(nudge.text());
      fired.add(nudge);
    }
    return fired;
  }

  public void add(String message) {
    queued.addLast(message);
  }

  /** The oldest queued message, removed, or {@code null} when none is queued. */
  public String poll() {
    return queued.pollFirst();
  }
}
