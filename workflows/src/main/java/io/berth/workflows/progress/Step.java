package io.berth.workflows.progress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One step of a journey as the panel shows it.
 *
 * @param name what the step does, as the customer reads it ("container", "route", …)
 * @param state where it stands
 * @param attempt the activity attempt currently running (1 = first try); 0 when not started
 * @param error the last failure's message while retrying, or the reason it failed
 * @param startedAt epoch millis, 0 when not started
 * @param finishedAt epoch millis, 0 when not finished
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Step(
    String name, StepState state, int attempt, String error, long startedAt, long finishedAt) {

  public static Step pending(String name) {
    return new Step(name, StepState.PENDING, 0, null, 0, 0);
  }

  public Step withState(StepState newState, long now) {
    return switch (newState) {
      case RUNNING, RETRYING, WAITING ->
          new Step(name, newState, Math.max(attempt, 1), error, now, 0);
      case DONE, SKIPPED, CANCELLED -> new Step(name, newState, attempt, null, startedAt, now);
      default -> new Step(name, newState, attempt, error, startedAt, now);
    };
  }

  public Step failed(String reason, long now) {
    return new Step(name, StepState.FAILED, attempt, reason, startedAt, now);
  }

  /** Waiting for the world: {@code note} says what was seen and when the next look is. */
  public Step waiting(int checks, String note, long now) {
    return new Step(name, StepState.WAITING, checks, note, startedAt == 0 ? now : startedAt, 0);
  }

  public Step retrying(int currentAttempt, String lastError) {
    return new Step(name, StepState.RETRYING, currentAttempt, lastError, startedAt, finishedAt);
  }

  @JsonIgnore
  public boolean isActive() {
    return state == StepState.RUNNING || state == StepState.RETRYING || state == StepState.WAITING;
  }
}
