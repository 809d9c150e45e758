package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunStatus;
import org.junit.jupiter.api.Test;

/** The documented exit codes: 0 ok, 1 run failed, 2 usage, 3 config, 130 interrupted. */
class ExitCodesTest {

  @Test
  void runStatusesMapToTheDocumentedCodes() {
    assertEquals(0, ExitCodes.of(RunStatus.COMPLETE, null));
    assertEquals(1, ExitCodes.of(RunStatus.FAILED, null));
    assertEquals(1, ExitCodes.of(RunStatus.FAILED, HarnessException.Kind.RUN));
    assertEquals(4, ExitCodes.of(RunStatus.FAILED, HarnessException.Kind.AGENT));
    assertEquals(5, ExitCodes.of(RunStatus.BUDGET_EXCEEDED, null));
    assertEquals(130, ExitCodes.of(RunStatus.INTERRUPTED, null));
  }

  @Test
  void harnessExceptionKindsMapToTheDocumentedCodes() {
    assertEquals(2, ExitCodes.of(HarnessException.usage("x")));
    assertEquals(3, ExitCodes.of(HarnessException.config("x")));
    assertEquals(1, ExitCodes.of(new HarnessException(HarnessException.Kind.RUN, "x")));
    assertEquals(1, ExitCodes.of(new IllegalStateException("a bug")));
    assertEquals(4, ExitCodes.of(new HarnessException(HarnessException.Kind.AGENT, "x")));
  }
}
