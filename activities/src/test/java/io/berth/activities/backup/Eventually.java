package io.berth.activities.backup;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what Temporal's visibility shows a moment after the change that makes it true. */
final class Eventually {

  private Eventually() {}

  static void until(String what, Duration atMost, BooleanSupplier condition) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Still not true after " + atMost + ": " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for: " + what, e);
      }
    }
  }
}
