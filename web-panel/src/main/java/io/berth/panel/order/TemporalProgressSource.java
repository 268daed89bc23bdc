package io.berth.panel.order;

import io.berth.panel.common.TemporalCalls;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.ProgressReader;
import io.temporal.client.WorkflowClient;
import org.springframework.stereotype.Component;

/** Reads progress from the workflows' memos and pending activities in Temporal. */
@Component
class TemporalProgressSource implements ProgressSource {

  private final ProgressReader reader;

  TemporalProgressSource(WorkflowClient client) {
    this.reader = new ProgressReader(client);
  }

  @Override
  public Progress order(long orderId, long siteId) {
    return TemporalCalls.call(() -> reader.order(orderId, siteId));
  }
}
