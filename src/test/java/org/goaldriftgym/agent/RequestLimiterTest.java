package org.goaldriftgym.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestLimiterTest {

  @Test
  void rateLimitsHalveTheCapAndSuccessesGrowItBackToTheMaximum() throws InterruptedException {
    RequestLimiter limiter = new RequestLimiter(8);
    limiter.acquire();
    limiter.release(true);
    assertEquals(4, limiter.limit());
    limiter.acquire();
    limiter.release(true);
    assertEquals(2, limiter.limit());
    for (int i = 0; i < 3; i++) {
      limiter.acquire();
      limiter.release(true);
    }
    assertEquals(1, limiter.limit(), "never below one");
    // a run of successes as long as the cap raises it by one
    limiter.acquire();
    limiter.release(false);
    assertEquals(2, limiter.limit());
    for (int i = 0; i < 2; i++) {
      limiter.acquire();
      limiter.release(false);
    }
    assertEquals(3, limiter.limit());
    for (int i = 0; i < 100; i++) {
      limiter.acquire();
      limiter.release(false);
    }
    assertEquals(8, limiter.limit(), "never above the maximum");
    assertThrows(IllegalArgumentException.class, () -> new RequestLimiter(0));
  }

  @Test
  void neverMoreInFlightThanTheCap() throws Exception {
    RequestLimiter limiter = new RequestLimiter(3);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int t = 0; t < 8; t++) {
        pool.submit(
            () -> {
              start.await();
              for (int i = 0; i < 200; i++) {
                limiter.acquire();
                try {
                  peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  Thread.yield();
                  inFlight.decrementAndGet();
                } finally {
                  limiter.release(false);
                }
              }
              return null;
            });
      }
      start.countDown();
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertTrue(peak.get() <= 3, "peak " + peak.get());
    assertEquals(0, inFlight.get());
  }
}
