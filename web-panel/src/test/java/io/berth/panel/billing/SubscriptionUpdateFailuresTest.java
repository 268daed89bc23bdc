package io.berth.panel.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.workflows.common.FailureType;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** How a refused update of {@code subscription-<id>} reaches the customer. */
class SubscriptionUpdateFailuresTest {

  private static final WorkflowExecution EXECUTION =
      WorkflowExecution.newBuilder().setWorkflowId("subscription-1").build();

  @Test
  void aValidatorsRefusalIsAConflictInItsOwnWords() {
    RuntimeException seen =
        TemporalSubscriptionWorkflows.translate(
            refused(
                ApplicationFailure.newFailure(
                    "The subscription is suspended; pay the open invoice first.",
                    "java.lang.IllegalStateException")),
            "planId");

    assertThat(seen)
        .isInstanceOf(ConflictException.class)
        .hasMessage("The subscription is suspended; pay the open invoice first.");
  }

  @Test
  void anInvalidInputIsA400OnTheFieldOfTheUpdate() {
    RuntimeException seen =
        TemporalSubscriptionWorkflows.translate(
            refused(
                ApplicationFailure.newNonRetryableFailure(
                    "Plan 9 has no Stripe price.", FailureType.INVALID_INPUT.type())),
            "planId");

    assertThat(((InvalidInputException) seen).problemWith("planId"))
        .isEqualTo("Plan 9 has no Stripe price.");
  }

  @Test
  void aWorkflowThatIsNotRunningIsAConflict() {
    RuntimeException seen =
        TemporalSubscriptionWorkflows.translate(
            new WorkflowNotFoundException(EXECUTION, "SubscriptionWorkflow", null), "planId");

    assertThat(seen)
        .isInstanceOf(ConflictException.class)
        .hasMessage(TemporalSubscriptionWorkflows.NOT_RUNNING);
  }

  private static WorkflowUpdateException refused(Throwable cause) {
    return new WorkflowUpdateException(EXECUTION, "update-1", "changePlan", cause);
  }
}
