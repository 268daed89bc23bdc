package io.berth.panel.order;

import io.berth.panel.ui.LiveFeed;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Live order pages: one poller per watched order, pushed to every page showing it. */
@Component
public class OrderProgressFeed extends LiveFeed<OrderDetails> {

  OrderProgressFeed(
      OrderService orders, @Value("${berth.panel.progress-interval:500ms}") Duration interval) {
    super("order", orders::snapshot, interval);
  }

  int watchedOrders() {
    return watched();
  }
}
