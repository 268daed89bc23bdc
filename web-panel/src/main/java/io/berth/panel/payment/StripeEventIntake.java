package io.berth.panel.payment;

import io.berth.panel.payment.StripeEventHandler.Outcome;
import io.berth.persistence.billing.PaymentEventRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes one verified event in one transaction: its id goes into {@code payment_event} first, so a
 * redelivery (even one racing this one: the losing insert waits for the winner and then finds the
 * row) does nothing; then its handler changes rows and signals workflows. If a signal cannot reach
 * the workflow service, everything rolls back and Stripe delivers the event again.
 */
@Service
class StripeEventIntake {

  private static final Logger log = LoggerFactory.getLogger(StripeEventIntake.class);

  private final PaymentEventRepository events;
  private final Map<String, StripeEventHandler> handlers = new HashMap<>();

  StripeEventIntake(PaymentEventRepository events, List<StripeEventHandler> handlers) {
    this.events = events;
    for (StripeEventHandler handler : handlers) {
      for (String type : handler.types()) {
        StripeEventHandler before = this.handlers.put(type, handler);
        if (before != null) {
          throw new IllegalStateException("Two handlers for Stripe event type " + type);
        }
      }
    }
  }

  /**
   * @return true if the event was taken now, false if it had been taken before (a redelivery)
   */
  @Transactional
  boolean take(StripeEvent event) {
    if (events.take(event.id(), event.type(), event.objectId(), event.created()) == 0) {
      return false;
    }
    StripeEventHandler handler = handlers.get(event.type());
    Outcome outcome = handler == null ? Outcome.RECORDED : handler.handle(event);
    if (outcome == Outcome.NOT_MAPPED) {
      log.info(
          "Stripe event {} ({}) is about {}, which belongs to no Berth order or subscription;"
              + " recorded only",
          event.id(),
          event.type(),
          event.objectId());
    }
    return true;
  }

  /** The event types Berth knows: each acted on, or recorded on purpose. */
  Set<String> knownTypes() {
    return Set.copyOf(handlers.keySet());
  }
}
