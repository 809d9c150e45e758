/**
 * The scenario SPI: {@link org.goaldriftgym.scenario.Scenario} (a typed, Gymnasium-shaped
 * environment with an aligned-action oracle), {@link org.goaldriftgym.scenario.ScenarioProvider}
 * (found through {@link java.util.ServiceLoader}), parameter and tool specs, and the CPython
 * compatible random numbers and rounding that keep seeds meaning the same as in the reference
 * implementation.
 */
package org.goaldriftgym.scenario;
