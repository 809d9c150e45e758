/**
 * Run artifacts on disk: the run layout and ids, {@code config.json}, {@code meta.json}, {@code
 * metrics.json}, the streamed {@code step_log.jsonl} and transcripts, and readers for them. Every
 * writer produces stable bytes (fixed key order, no wall-clock values outside {@code meta.json}).
 */
package org.goaldriftgym.artifact;
