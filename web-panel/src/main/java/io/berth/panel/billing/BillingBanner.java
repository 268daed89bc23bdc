package io.berth.panel.billing;

import io.berth.panel.security.BerthUser;
import io.berth.panel.ui.PageBanner;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The banner on every page while a subscription of the customer is overdue or suspended. */
@Component
class BillingBanner implements PageBanner {

  static final String ID = "billing-banner";

  private static final Logger log = LoggerFactory.getLogger(BillingBanner.class);

  private final BillingService billing;

  BillingBanner(BillingService billing) {
    this.billing = billing;
  }

  @Override
  public Optional<Message> message(BerthUser user) {
    try {
      return billing
          .alert(user.customerId())
          .map(alert -> new Message(ID, alert.message(), "Go to Billing", "billing"));
    } catch (RuntimeException e) {
      // A page must open even when its banner cannot be read.
      log.warn(
          "Could not read the billing state of customer {}: {}", user.customerId(), e.toString());
      return Optional.empty();
    }
  }
}
