/**
 * Reading run configs: YAML or JSON files into {@link org.goaldriftgym.core.RunConfig}, and
 * command-line {@code key=value} parameter values typed by the parameter they target.
 */
package org.goaldriftgym.config;
