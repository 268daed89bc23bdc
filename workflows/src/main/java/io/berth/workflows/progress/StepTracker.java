package io.berth.workflows.progress;

import io.berth.workflows.common.BerthSearchAttributes;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Workflow-side bookkeeping of a journey's steps. Every change is published to the workflow's memo
 * and to the {@code BerthStep} search attribute, so the panel reads progress with one describe call
 * and support staff can filter by step in the Temporal UI. Deterministic: time comes from {@link
 * Workflow#currentTimeMillis()}.
 */
public final class StepTracker {

  private final List<Step> steps = new ArrayList<>();

  public StepTracker(List<String> names) {
    names.forEach(name -> steps.add(Step.pending(name)));
  }

  /** Resumes from a snapshot carried over continue-as-new. */
  public StepTracker(Progress snapshot) {
    steps.addAll(snapshot.steps());
  }

  public void start(String name) {
    set(name, StepState.RUNNING);
    Workflow.upsertTypedSearchAttributes(BerthSearchAttributes.STEP.valueSet(name));
  }

  public void done(String name) {
    set(name, StepState.DONE);
  }

  public void skip(String name) {
    set(name, StepState.SKIPPED);
  }

  /** Marks the step as waiting for the world, with what was seen and when the next look is. */
  public void waiting(String name, int checks, String note) {
    replace(name, step(name).waiting(checks, note, Workflow.currentTimeMillis()));
  }

  public void fail(String name, String reason) {
    replace(name, step(name).failed(reason, Workflow.currentTimeMillis()));
  }

  /** Marks every step that has not finished as cancelled. */
  public void cancelUnfinished() {
    for (Step step : List.copyOf(steps)) {
      if (step.state() == StepState.PENDING || step.isActive()) {
        replace(step.name(), step.withState(StepState.CANCELLED, Workflow.currentTimeMillis()));
      }
    }
  }

  /** The running step, or null. */
  public String active() {
    Step active = snapshot().active();
    return active == null ? null : active.name();
  }

  public Progress snapshot() {
    return new Progress(steps);
  }

  private void set(String name, StepState state) {
    replace(name, step(name).withState(state, Workflow.currentTimeMillis()));
  }

  private Step step(String name) {
    return steps.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown step " + name));
  }

  private void replace(String name, Step step) {
    steps.replaceAll(s -> s.name().equals(name) ? step : s);
    Workflow.upsertMemo(Map.of(Progress.MEMO_KEY, snapshot()));
  }
}
