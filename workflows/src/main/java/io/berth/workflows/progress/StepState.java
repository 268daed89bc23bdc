package io.berth.workflows.progress;

/** Where one step of a journey stands. */
public enum StepState {
  PENDING,
  RUNNING,
  /** Running, but its activity has failed at least once and Temporal is retrying it. */
  RETRYING,
  /**
   * Waiting for something outside the platform (e.g. DNS); {@code error} says what and until when.
   */
  WAITING,
  DONE,
  FAILED,
  /** Not needed for this journey (e.g. payment of a free trial) or undone by a cancellation. */
  SKIPPED,
  CANCELLED
}
