package io.berth.panel.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.berth.panel.plan.PlanFormat;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.billing.SubscriptionStatus;
import java.util.function.Consumer;

/**
 * One subscription: its plan and price, where it stands, the next renewal, and what the customer
 * can do (manage the card, change plan, cancel at period end or keep the plan).
 */
class SubscriptionCard extends Div {

  /** What the customer can do from a card. */
  interface Actions {
    void managePaymentMethod(SubscriptionSummary subscription);

    void changePlan(SubscriptionSummary subscription);

    void cancel(SubscriptionSummary subscription);

    void keep(SubscriptionSummary subscription);
  }

  SubscriptionCard(SubscriptionSummary subscription, Actions actions) {
    long id = subscription.id();
    addClassName("subscription-card");
    setId("subscription-" + id);
    Span status = new Span(BillingFormat.status(subscription));
    status.addClassNames("badge", BillingFormat.tone(subscription));
    status.setId("subscription-status-" + id);
    Paragraph renewal = new Paragraph(renewal(subscription));
    renewal.setId("subscription-renewal-" + id);
    add(
        new H2(
            subscription.planName()
                + (subscription.siteName() == null ? "" : " · " + subscription.siteName())),
        status,
        new Paragraph(subscription.price() + " · " + paidBy(subscription.gateway())),
        renewal);
    HorizontalLayout buttons = new HorizontalLayout();
    buttons.addClassName("subscription-actions");
    if (subscription.paidByCard() && subscription.status() != SubscriptionStatus.TERMINATED) {
      buttons.add(
          button(
              "subscription-portal-" + id,
              "Manage payment method",
              subscription,
              actions::managePaymentMethod));
    }
    if (subscription.planChangeable()) {
      buttons.add(
          button("subscription-change-" + id, "Change plan", subscription, actions::changePlan));
    }
    if (subscription.cancellable()) {
      Button cancel =
          button(
              "subscription-cancel-" + id, "Cancel at period end", subscription, actions::cancel);
      cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
      buttons.add(cancel);
    }
    if (subscription.reactivatable()) {
      Button keep = button("subscription-keep-" + id, "Keep my plan", subscription, actions::keep);
      keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      buttons.add(keep);
    }
    if (buttons.getComponentCount() > 0) {
      add(buttons);
    }
  }

  /** "Next renewal on 12 Dec 2026: €5.00", "Your trial ends on …", … */
  static String renewal(SubscriptionSummary subscription) {
    String end = BillingFormat.day(subscription.periodEnd());
    return switch (subscription.status()) {
      case INCOMPLETE -> "Starts once your first payment is confirmed.";
      case TRIALING ->
          "Your trial ends on " + end + ". Order a paid plan to keep your site after that.";
      case ACTIVE, PAST_DUE ->
          subscription.renews()
              ? "Next renewal on "
                  + end
                  + ": "
                  + PlanFormat.money(subscription.priceCents(), subscription.currency())
              : "Your plan ends on " + end + "; nothing more is charged.";
      case SUSPENDED -> "Pay the open invoice to resume your sites at once.";
      case CANCELLED -> "Your sites are stopped; your data is kept until it is removed.";
      case TERMINATED -> "Everything of this subscription was removed.";
    };
  }

  private static String paidBy(PaymentMethod gateway) {
    return switch (gateway) {
      case STRIPE -> "paid by card";
      case BANK_TRANSFER -> "paid by bank transfer";
      case NONE -> "no payment needed";
    };
  }

  private static Button button(
      String id, String text, SubscriptionSummary subscription, Consumer<SubscriptionSummary> act) {
    Button button = new Button(text, e -> act.accept(subscription));
    button.setId(id);
    return button;
  }
}
