/**
 * Built-in policies: {@code baseline} (the scenario's aligned oracle), {@code noop}, {@code
 * drifting} (aligned until pressure crosses a level, then yields to it) and {@code replay}
 * (re-plays recorded actions). All are deterministic and need no API key.
 */
package org.goaldriftgym.policy;
