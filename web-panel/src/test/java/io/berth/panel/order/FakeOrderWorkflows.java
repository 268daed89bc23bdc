package io.berth.panel.order;

import io.berth.panel.testing.Resettable;
import io.berth.workflows.order.OrderRequest;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Records what the panel asked of the order workflows. */
public class FakeOrderWorkflows implements OrderWorkflows, Resettable {

  public final List<OrderRequest> started = new CopyOnWriteArrayList<>();
  public final List<Long> cancelled = new CopyOnWriteArrayList<>();
  public final Map<Long, String> payments = new ConcurrentHashMap<>();
  private volatile boolean unreachable;
  private volatile Consumer<OrderRequest> whenStarted = request -> {};

  public void unreachable(boolean down) {
    unreachable = down;
  }

  /** What the started workflow does at once, e.g. store the Stripe checkout page on the order. */
  public void whenStarted(Consumer<OrderRequest> action) {
    whenStarted = action;
  }

  @Override
  public void start(OrderRequest request) {
    if (unreachable) {
      throw Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException();
    }
    started.add(request);
    whenStarted.accept(request);
  }

  @Override
  public boolean cancel(long orderId) {
    cancelled.add(orderId);
    return true;
  }

  @Override
  public boolean paymentReceived(long orderId, String reference) {
    payments.put(orderId, reference);
    return true;
  }

  @Override
  public void reset() {
    started.clear();
    cancelled.clear();
    payments.clear();
    unreachable = false;
    whenStarted = request -> {};
  }
}
