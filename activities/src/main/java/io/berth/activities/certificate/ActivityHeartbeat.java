package io.berth.activities.certificate;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

/**
 * The running activity's heartbeat, for adapters that poll: a {@link Runnable} so the adapter needs
 * no Temporal types, and a no-op outside an activity (an adapter test calling the activity
 * directly).
 */
final class ActivityHeartbeat {

  private ActivityHeartbeat() {}

  static Runnable current() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notInAnActivity) {
      return () -> {};
    }
    return () -> context.heartbeat(null);
  }
}
