package io.berth.panel.billing;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.common.Caller;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.Background;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import io.berth.panel.ui.TypedConfirmationDialog;
import io.berth.persistence.plan.Plan;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Billing: each subscription with its plan, status, next renewal and actions (Stripe's customer
 * portal for the card, change plan, cancel at period end, keep the plan), then every invoice. The
 * changes are workflow updates: the page waits for them off the UI thread and shows the outcome, or
 * the workflow's reason for refusing.
 */
@Route(value = "billing", layout = MainLayout.class)
@PageTitle("Billing · Berth")
@PermitAll
public class BillingView extends VerticalLayout implements SubscriptionCard.Actions {

  private final BillingService billing;
  private final CurrentUser user;
  private final BankTransferProperties bank;
  private final Executor executor;
  private final Div subscriptions = new Div();
  private final Div invoices = new Div();

  BillingView(
      BillingService billing,
      CurrentUser user,
      BankTransferProperties bank,
      @Qualifier("applicationTaskExecutor") Executor executor) {
    this.billing = billing;
    this.user = user;
    this.bank = bank;
    this.executor = executor;
    subscriptions.addClassName("subscription-cards");
    add(new H1("Billing"), subscriptions, new H2("Invoices"), invoices);
    refresh(null);
  }

  /** Renders the page from the stored state, with {@code changed} as its workflow answered. */
  private void refresh(SubscriptionSummary changed) {
    Caller caller = user.caller();
    subscriptions.removeAll();
    List<SubscriptionSummary> all = billing.subscriptions(caller);
    if (all.isEmpty()) {
      subscriptions.add(
          new Paragraph("You have no subscription yet."), new Anchor(".", "Choose a plan"));
    }
    for (SubscriptionSummary subscription : all) {
      boolean isChanged = changed != null && changed.id() == subscription.id();
      subscriptions.add(new SubscriptionCard(isChanged ? changed : subscription, this));
    }
    invoices.removeAll();
    invoices.add(new InvoiceList(billing.invoices(caller), bank));
  }

  @Override
  public void managePaymentMethod(SubscriptionSummary subscription) {
    Caller caller = user.caller();
    Notices.info("Opening Stripe's customer portal…");
    Background.run(
        executor,
        () -> billing.portalUrl(caller, subscription.id()),
        url -> UI.getCurrent().getPage().setLocation(url),
        failure -> Notices.error(Notices.reason(failure)));
  }

  @Override
  public void changePlan(SubscriptionSummary subscription) {
    Caller caller = user.caller();
    List<Plan> plans = billing.otherPlans(caller, subscription.id());
    ChangePlanDialog[] dialog = new ChangePlanDialog[1];
    dialog[0] =
        new ChangePlanDialog(
            subscription,
            plans,
            plan ->
                Background.run(
                    executor,
                    () -> billing.changePlan(caller, subscription.id(), plan.id()),
                    changed -> {
                      dialog[0].close();
                      Notices.success("Your plan is now " + changed.planName() + ".");
                      refresh(changed);
                    },
                    failure -> dialog[0].refused(Notices.reason(failure))));
    dialog[0].open();
  }

  @Override
  public void cancel(SubscriptionSummary subscription) {
    Caller caller = user.caller();
    new TypedConfirmationDialog(
            "subscription-cancel",
            "Cancel",
            subscription.planName(),
            "Your "
                + subscription.planName()
                + " plan ends on "
                + BillingFormat.day(subscription.periodEnd())
                + ": then your sites stop, and everything is removed some time later. Until"
                + " then nothing changes and nothing more is charged; \"Keep my plan\" withdraws"
                + " this.",
            "Keep my plan",
            () ->
                change(
                    () -> billing.cancelAtPeriodEnd(caller, subscription.id()),
                    changed ->
                        Notices.success(
                            "Your "
                                + changed.planName()
                                + " plan ends on "
                                + BillingFormat.day(changed.periodEnd())
                                + ".")))
        .open();
  }

  @Override
  public void keep(SubscriptionSummary subscription) {
    Caller caller = user.caller();
    change(
        () -> billing.reactivate(caller, subscription.id()),
        changed ->
            Notices.success(
                "You keep your "
                    + changed.planName()
                    + " plan; it renews on "
                    + BillingFormat.day(changed.periodEnd())
                    + "."));
  }

  private void change(Supplier<SubscriptionSummary> work, Consumer<SubscriptionSummary> done) {
    Background.run(
        executor,
        work,
        changed -> {
          done.accept(changed);
          refresh(changed);
        },
        failure -> Notices.error(Notices.reason(failure)));
  }
}
