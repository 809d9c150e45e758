package org.goaldriftgym.core;

/** Receives every completed step, in order, as the engine produces it. */
@FunctionalInterface
public interface StepListener {

  void onStep(StepRecord record) throws Exception;
}
