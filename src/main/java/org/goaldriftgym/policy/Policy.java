package org.goaldriftgym.policy;

import org.goaldriftgym.core.Actor;

/** An {@link Actor} with a name, bound to one scenario instance for one run. */
public interface Policy extends Actor {

  /** The name that labels runs of this policy, for example {@code baseline}. */
  String name();
}
