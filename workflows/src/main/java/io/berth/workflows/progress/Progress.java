package io.berth.workflows.progress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The steps of one journey, in order. Workflows publish it in their memo under {@link #MEMO_KEY}
 * (readable by describe, even with no worker running) and answer it from their {@code progress}
 * query.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Progress(List<Step> steps) {

  public static final String MEMO_KEY = "progress";

  public Progress {
    steps = List.copyOf(steps);
  }

  /** The step that is running or retrying now, if any. */
  public Step active() {
    return steps.stream().filter(Step::isActive).findFirst().orElse(null);
  }
}
