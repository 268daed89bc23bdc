package io.berth.panel.domain;

import io.berth.workflows.domain.DomainWorkflow;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.Step;

/** The steps of a domain's set-up as shown before its workflow has reported any. */
final class DomainSteps {

  private DomainSteps() {}

  static Progress pending() {
    return new Progress(DomainWorkflow.STEPS.stream().map(Step::pending).toList());
  }
}
