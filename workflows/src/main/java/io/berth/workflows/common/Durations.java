package io.berth.workflows.common;

import java.time.Duration;

/** Durations as a customer reads them: "5 min", "1 h 20 min", "7 days". */
public final class Durations {

  private Durations() {}

  public static String readable(Duration duration) {
    long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
    if (minutes % (24 * 60) == 0) {
      long days = minutes / (24 * 60);
      return days == 1 ? "1 day" : days + " days";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    long rest = minutes % 60;
    return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
  }
}
