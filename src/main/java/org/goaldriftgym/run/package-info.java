/**
 * Turning a {@link org.goaldriftgym.core.RunConfig} into a run: {@link
 * org.goaldriftgym.run.RunPlanner} resolves and checks everything up front (scenario, parameters,
 * seed, step limit, policy or LLM agent, label) into a {@link org.goaldriftgym.run.RunPlan}; {@link
 * org.goaldriftgym.run.RunExecutor} wires the engine, metrics and artifact writers and closes the
 * run with the right status whatever happens.
 */
package org.goaldriftgym.run;
