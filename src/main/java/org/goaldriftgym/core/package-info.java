/**
 * The engine and the immutable values that flow through a run: observations, actions, outcomes and
 * step records. Depends on the JDK only: no paths, JSON, HTTP or command-line parsing.
 */
package org.goaldriftgym.core;
