package io.berth.panel.order;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.berth.panel.billing.BankTransferProperties;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.site.AppCatalog;
import io.berth.panel.ui.Badges;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import io.berth.panel.ui.StepList;
import io.berth.workflows.order.OrderStatus;
import jakarta.annotation.security.PermitAll;

/**
 * One order, live: its status, how to pay it, each step as the workflows report it, and a way to
 * cancel. Stripe's checkout sends the customer back here with {@code ?paid}: until the payment is
 * confirmed the page thanks them and says it is being confirmed.
 */
@Route(value = "orders/:orderId(\\d+)", layout = MainLayout.class)
@PermitAll
public class OrderView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  static final String UNREACHABLE =
      "The workflow service is unreachable; progress will appear when it is back.";
  static final String CONFIRMING = "Thanks — we are confirming your payment.";

  private final OrderService orders;
  private final OrderProgressFeed feed;
  private final CurrentUser user;
  private final PaymentInstructions payment;
  private final H1 title = new H1();
  private final HorizontalLayout status = new HorizontalLayout();
  private final Paragraph summary = new Paragraph();
  private final Div banner = createBanner();
  private final Div confirming = createConfirming();
  private final Paragraph failure = new Paragraph();
  private final StepList steps = new StepList();
  private final Div live = new Div();
  private final Button cancel = createCancelButton();
  private long orderId;
  private boolean returnedFromCheckout;
  private Registration subscription;

  OrderView(
      OrderService orders, OrderProgressFeed feed, CurrentUser user, BankTransferProperties bank) {
    this.orders = orders;
    this.feed = feed;
    this.user = user;
    this.payment = new PaymentInstructions(bank);
    failure.addClassName("failure");
    live.addClassName("live-site");
    add(title, status, summary, banner, confirming, failure, payment, steps, live, cancel);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    orderId = event.getRouteParameters().getLong("orderId").orElse(0L);
    returnedFromCheckout =
        event.getLocation().getQueryParameters().getParameters().containsKey("paid");
    try {
      render(orders.details(user.caller(), orderId));
    } catch (NotFoundException e) {
      removeAll();
      add(
          new H1("Order not found"),
          new Paragraph(e.getMessage()),
          new Anchor("orders", "Your orders"));
      orderId = 0;
    }
  }

  @Override
  public String getPageTitle() {
    return "Order #" + orderId + " · Berth";
  }

  @Override
  protected void onAttach(AttachEvent event) {
    if (orderId == 0) {
      return;
    }
    UI ui = event.getUI();
    subscription = feed.watch(orderId, details -> ui.access(() -> render(details)));
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (subscription != null) {
      subscription.remove();
      subscription = null;
    }
  }

  void render(OrderDetails order) {
    title.setText("Order #" + order.id());
    status.removeAll();
    status.add(Badges.order(order.status()));
    summary.setText(
        order.planName() + " · " + order.siteName() + " · " + AppCatalog.label(order.app()));
    banner.setVisible(!order.progressAvailable());
    confirming.setVisible(returnedFromCheckout && order.awaitsCard());
    failure.setVisible(order.status() == OrderStatus.FAILED && order.failureReason() != null);
    failure.setText("This order failed: " + order.failureReason());
    payment.show(order);
    steps.show(order.steps());
    live.removeAll();
    if (order.status() == OrderStatus.ACTIVE) {
      live.add(
          new Span("Your site is live at "),
          new Anchor(order.siteUrl(), order.siteUrl(), AnchorTarget.BLANK));
      if (AppCatalog.WORDPRESS.id().equals(order.app())) {
        Anchor credentials = new Anchor("sites", "Your wp-admin password is on the Sites page.");
        credentials.setId("order-wp-admin");
        credentials.getElement().setAttribute("router-link", true);
        live.add(new Span(" "), credentials);
      }
    }
    cancel.setVisible(order.cancellable());
  }

  private static Div createBanner() {
    Div banner = new Div(new Span(UNREACHABLE));
    banner.addClassName("banner");
    banner.setVisible(false);
    return banner;
  }

  private static Div createConfirming() {
    Div notice = new Div(new Span(CONFIRMING));
    notice.setId("order-confirming");
    notice.addClassName("notice");
    notice.setVisible(false);
    return notice;
  }

  private Button createCancelButton() {
    Button button = new Button("Cancel order", e -> createCancelDialog().open());
    button.addThemeVariants(ButtonVariant.LUMO_ERROR);
    return button;
  }

  private ConfirmDialog createCancelDialog() {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setHeader("Cancel order #" + orderId + "?");
    dialog.setText(
        "Berth stops setting up your site and removes everything it created for it. This cannot"
            + " be undone.");
    dialog.setCancelable(true);
    dialog.setCancelText("Keep the order");
    dialog.setConfirmText("Cancel order");
    dialog.setConfirmButtonTheme("error primary");
    dialog.addConfirmListener(e -> cancelOrder());
    return dialog;
  }

  private void cancelOrder() {
    try {
      orders.cancel(user.caller(), orderId);
      Notices.info("Cancelling order #" + orderId + "…");
      render(orders.details(user.caller(), orderId));
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
  }
}
