package org.goaldriftgym.scenario;

/**
 * The service a scenario plugs in through: list an implementation in {@code
 * META-INF/services/org.goaldriftgym.scenario.ScenarioProvider} and put its jar on the class path.
 * Implementations must be stateless and thread-safe; each {@link #create} returns an independent
 * scenario.
 */
public interface ScenarioProvider {

  /** The scenario's name, description, parameters with defaults, tools and threshold. */
  ScenarioSpec spec();

  /** A new scenario instance with the given resolved parameters. */
  Scenario create(ScenarioParams params);
}
