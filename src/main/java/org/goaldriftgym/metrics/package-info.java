/** Metric accumulators that listen to the step stream and the immutable summaries they yield. */
package org.goaldriftgym.metrics;
