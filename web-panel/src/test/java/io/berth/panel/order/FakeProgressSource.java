package io.berth.panel.order;

import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.testing.Resettable;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.Step;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Progress as a test sets it; all steps pending for an order it was not told about. */
public class FakeProgressSource implements ProgressSource, Resettable {

  private final Map<Long, Progress> progress = new ConcurrentHashMap<>();
  private volatile boolean unreachable;

  public void set(long orderId, List<Step> steps) {
    progress.put(orderId, new Progress(steps));
  }

  public void unreachable(boolean down) {
    unreachable = down;
  }

  @Override
  public Progress order(long orderId, long siteId) {
    if (unreachable) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.WORKFLOWS_UNREACHABLE, null);
    }
    return progress.getOrDefault(
        orderId, new Progress(OrderService.DEFAULT_STEPS.stream().map(Step::pending).toList()));
  }

  @Override
  public void reset() {
    progress.clear();
    unreachable = false;
  }
}
