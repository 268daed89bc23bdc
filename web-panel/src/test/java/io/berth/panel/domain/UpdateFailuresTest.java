package io.berth.panel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.workflows.common.FailureType;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** How a refused update of {@code domain-<id>} reaches the customer. */
class UpdateFailuresTest {

  private static final WorkflowExecution EXECUTION =
      WorkflowExecution.newBuilder().setWorkflowId("domain-1").build();

  @Test
  void anInvalidInputFromTheActivityIsA400OnTheFieldItIsAbout() {
    RuntimeException seen =
        TemporalDomainWorkflows.translate(
            refused(
                activityFailed(
                    ApplicationFailure.newNonRetryableFailure(
                        "TTL 5 is out of range: use 60 to 604800 seconds.",
                        FailureType.INVALID_INPUT.type()))),
            RecordProblemField::of);

    assertThat(seen).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) seen).problemWith("ttl"))
        .isEqualTo("TTL 5 is out of range: use 60 to 604800 seconds.");
  }

  @Test
  void aCnameBesideOtherDataIsAboutTheName() {
    String message =
        "www.example.test. already has [A] records: a CNAME cannot sit beside other data."
            + " Delete them first or use another name.";
    RuntimeException seen =
        TemporalDomainWorkflows.translate(
            refused(
                ApplicationFailure.newNonRetryableFailure(
                    message, FailureType.INVALID_INPUT.type())),
            RecordProblemField::of);

    assertThat(((InvalidInputException) seen).problemWith("name")).isEqualTo(message);
  }

  @Test
  void aNotFoundFromTheActivityIsA404WithItsMessage() {
    RuntimeException seen =
        TemporalDomainWorkflows.translate(
            refused(
                activityFailed(
                    ApplicationFailure.newNonRetryableFailure(
                        "Site 7 is not live.", FailureType.NOT_FOUND.type()))),
            any -> "siteId");

    assertThat(seen).isInstanceOf(NotFoundException.class).hasMessage("Site 7 is not live.");
  }

  @Test
  void anyOtherRefusalIsAConflictWithTheWorkflowsReason() {
    RuntimeException seen =
        TemporalDomainWorkflows.translate(
            refused(
                ApplicationFailure.newFailure(
                    "example.test uses external DNS.", "java.lang.IllegalStateException")),
            RecordProblemField::of);

    assertThat(seen)
        .isInstanceOf(ConflictException.class)
        .hasMessage("example.test uses external DNS.");
  }

  @Test
  void aWorkflowThatIsNotRunningIsAConflict() {
    RuntimeException seen =
        TemporalDomainWorkflows.translate(
            new WorkflowNotFoundException(EXECUTION, "DomainWorkflow", null),
            RecordProblemField::of);

    assertThat(seen)
        .isInstanceOf(ConflictException.class)
        .hasMessage(TemporalDomainWorkflows.NOT_RUNNING);
  }

  private static WorkflowUpdateException refused(Throwable cause) {
    return new WorkflowUpdateException(EXECUTION, "update-1", "changeRecordSet", cause);
  }

  private static ActivityFailure activityFailed(ApplicationFailure cause) {
    return new ActivityFailure(
        "Activity task failed",
        1,
        2,
        "ApplyRecordSet",
        "1",
        RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
        "worker",
        cause);
  }
}
