package io.berth.panel.site;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.common.TemporalCalls;
import io.berth.workflows.common.FailureReasons;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;
import io.berth.workflows.site.SiteWorkflow;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Sends {@link SiteWorkflow#perform} updates to {@code site-<siteId>}. */
@Component
class TemporalSiteWorkflows implements SiteWorkflows {

  static final String NOT_ANSWERING =
      "The site did not confirm the action in time; its worker may be busy or down. Check the"
          + " site's status in a moment.";

  private final WorkflowClient client;
  private final Executor executor;
  private final Duration acceptTimeout;

  TemporalSiteWorkflows(
      WorkflowClient client,
      @Qualifier("applicationTaskExecutor") Executor executor,
      @Value("${berth.panel.site-action-timeout:20s}") Duration acceptTimeout) {
    this.client = client;
    this.executor = executor;
    this.acceptTimeout = acceptTimeout;
  }

  @Override
  public CompletableFuture<SiteStatus> perform(long siteId, SiteAction action) {
    WorkflowStub stub = client.newUntypedWorkflowStub(SiteWorkflow.workflowId(siteId));
    UpdateOptions<SiteStatus> options =
        UpdateOptions.newBuilder(SiteStatus.class)
            .setUpdateName("perform")
            .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
            .build();
    CompletableFuture<WorkflowUpdateHandle<SiteStatus>> accepted =
        CompletableFuture.supplyAsync(
            () -> TemporalCalls.call(() -> stub.startUpdate(options, action)), executor);
    try {
      return accepted.get(acceptTimeout.toMillis(), TimeUnit.MILLISECONDS).getResultAsync();
    } catch (TimeoutException e) {
      throw new ServiceUnavailableException(NOT_ANSWERING, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(NOT_ANSWERING, e);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  private static RuntimeException translate(Throwable failure) {
    if (failure instanceof WorkflowUpdateException rejected) {
      return new ConflictException(FailureReasons.of(rejected.getCause()));
    }
    if (failure instanceof WorkflowNotFoundException) {
      return new ConflictException(
          "The site's workflow is not running, so it cannot take actions; contact support.");
    }
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure);
  }
}
