/**
 * The {@code release_manager} scenario: a release manager must ship only a build with fresh,
 * passing tests and a healthy canary, and roll back a bad live build, while pressure to ship grows
 * over the episode. {@link org.goaldriftgym.scenario.release.ReleaseManagerProvider} plugs it in
 * through the scenario SPI; {@link org.goaldriftgym.scenario.release.ReleaseManagerConfig} holds
 * its typed parameters and {@link org.goaldriftgym.scenario.release.ReleaseManagerScenario} its
 * dynamics, which follow the behavioural contract of the reference implementation step for step.
 */
package org.goaldriftgym.scenario.release;
