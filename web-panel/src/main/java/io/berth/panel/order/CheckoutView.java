package io.berth.panel.order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.billing.PaymentOptions;
import io.berth.panel.common.Caller;
import io.berth.panel.common.FieldProblem;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.plan.PlanCatalog;
import io.berth.panel.plan.PlanFormat;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.site.AppCatalog;
import io.berth.panel.site.AppCatalog.App;
import io.berth.panel.site.SiteUrls;
import io.berth.panel.ui.Background;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import io.berth.persistence.plan.Plan;
import io.berth.workflows.billing.PaymentMethod;
import io.berth.workflows.common.SiteNames;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Checkout: name the first site, pick its app (a WordPress site also gets a title), order. What the
 * plan's limits would refuse is said before ordering, and the Order button is off then. A plan paid
 * by card then sends the browser to Stripe's checkout page as soon as the order's workflow has made
 * it (waiting a few seconds at most, off the UI thread); without it in time, the order page offers
 * "Pay now" once it is there.
 */
@Route(value = "checkout/:planId(\\d+)", layout = MainLayout.class)
@PageTitle("Checkout · Berth")
@PermitAll
public class CheckoutView extends VerticalLayout implements BeforeEnterObserver {

  private final PlanCatalog plans;
  private final OrderService orders;
  private final CurrentUser user;
  private final SiteUrls urls;
  private final PaymentOptions payments;
  private final Executor executor;
  private final TextField siteName = createSiteNameField();
  private final RadioButtonGroup<App> app = createAppChoice();
  private final TextField title = createTitleField();
  private final Div refusal = createRefusal();
  private final Button order = createOrderButton();
  private Plan plan;

  CheckoutView(
      PlanCatalog plans,
      OrderService orders,
      CurrentUser user,
      SiteUrls urls,
      PaymentOptions payments,
      @Qualifier("applicationTaskExecutor") Executor executor) {
    this.plans = plans;
    this.orders = orders;
    this.user = user;
    this.urls = urls;
    this.payments = payments;
    this.executor = executor;
    addClassName("checkout");
    app.addValueChangeListener(e -> appChosen());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    Optional<Plan> chosen =
        event.getRouteParameters().getLong("planId").flatMap(id -> plans.find(id));
    if (chosen.isEmpty()) {
      add(new H1("That plan is not on offer"), new Anchor(".", "See the plans"));
      return;
    }
    plan = chosen.get();
    add(
        new H1("Order " + plan.name()),
        createPlanSummary(),
        siteName,
        app,
        title,
        refusal,
        createPaymentNote(),
        order);
    appChosen();
  }

  private Component createPlanSummary() {
    Div summary = new Div();
    summary.addClassName("plan-summary");
    summary.add(
        new Paragraph(
            PlanFormat.price(plan) + " · " + String.join(" · ", PlanFormat.limits(plan))));
    return summary;
  }

  private TextField createSiteNameField() {
    TextField field = new TextField("Site name");
    field.setId("site-name");
    field.setPlaceholder("myblog");
    field.setWidth("32em");
    field.setMaxLength(SiteNames.MAX_LENGTH);
    field.setRequiredIndicatorVisible(true);
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.setValueChangeTimeout(250);
    field.setHelperText("Lowercase letters, digits and hyphens; 3 to 40 characters.");
    field.addValueChangeListener(e -> checkName(e.getValue()));
    return field;
  }

  private static RadioButtonGroup<App> createAppChoice() {
    RadioButtonGroup<App> group = new RadioButtonGroup<>("App");
    group.setId("app");
    group.addClassName("app-choice");
    group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
    group.setItems(AppCatalog.all());
    group.setRenderer(new ComponentRenderer<>(CheckoutView::describe));
    group.setValue(AppCatalog.STATIC);
    return group;
  }

  /** One app as a card: icon, name, what it is. */
  private static Component describe(App app) {
    Icon icon = app.icon().create();
    icon.addClassName("app-icon");
    Span name = new Span(app.name());
    name.addClassName("app-name");
    Span description = new Span(app.description());
    description.addClassName("app-description");
    Div option = new Div(icon, new Div(name, description));
    option.addClassName("app-option");
    option.setId("app-" + app.id());
    return option;
  }

  private static TextField createTitleField() {
    TextField field = new TextField("Site title");
    field.setId("site-title");
    field.setPlaceholder("My blog");
    field.setWidth("32em");
    field.setMaxLength(OrderService.TITLE_MAX_LENGTH);
    field.setRequiredIndicatorVisible(true);
    field.setHelperText("WordPress shows it on every page; you can change it in WordPress later.");
    field.setVisible(false);
    return field;
  }

  private static Div createRefusal() {
    Div box = new Div();
    box.setId("checkout-limit");
    box.addClassName("banner");
    box.setVisible(false);
    return box;
  }

  private Component createPaymentNote() {
    String note =
        switch (payments.gatewayFor(plan)) {
          case NONE -> "No payment needed: your site is set up as soon as you order.";
          case STRIPE ->
              "You pay "
                  + PlanFormat.price(plan)
                  + " by card on Stripe's secure checkout page. After ordering we take you there;"
                  + " we set up your site as soon as the payment is confirmed.";
          case BANK_TRANSFER ->
              "You pay "
                  + PlanFormat.price(plan)
                  + " by bank transfer. After ordering you see the bank details and the"
                  + " reference; we set up your site once the payment has arrived.";
        };
    return new Paragraph(note);
  }

  private Button createOrderButton() {
    Button button = new Button("Order", e -> placeOrder());
    button.setId("order");
    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    return button;
  }

  /** Shows the title for WordPress and what the limits say about this plan and app. */
  private void appChosen() {
    App chosen = app.getValue();
    title.setVisible(chosen == AppCatalog.WORDPRESS);
    app.setInvalid(false);
    if (plan != null) {
      showRefusal(
          orders
              .checkoutProblem(user.caller(), plan.id(), chosen == null ? null : chosen.id())
              .map(FieldProblem::message)
              .orElse(null));
    }
  }

  private void showRefusal(String reason) {
    refusal.setText(reason == null ? "" : reason);
    refusal.setVisible(reason != null);
    order.setEnabled(reason == null);
  }

  private void checkName(String name) {
    Optional<String> problem = orders.siteNameProblem(name);
    siteName.setInvalid(problem.isPresent());
    siteName.setErrorMessage(problem.orElse(null));
    siteName.setHelperText(
        problem.isPresent() ? null : "Your site will answer at " + urls.url(name));
  }

  private void placeOrder() {
    try {
      App chosen = app.getValue();
      PlacedOrder placed =
          orders.placeOrder(
              user.caller(),
              plan.id(),
              siteName.getValue(),
              chosen == null ? null : chosen.id(),
              title.getValue());
      if (placed.gateway() == PaymentMethod.STRIPE) {
        goToCheckout(placed.id());
      } else {
        getUI().ifPresent(ui -> ui.navigate("orders/" + placed.id()));
      }
    } catch (UserFacingException e) {
      show(siteName, e.problemWith("siteName"));
      show(title, e.problemWith("title"));
      String appProblem = e.problemWith("app");
      String planProblem = e.problemWith("planId");
      if (appProblem != null || planProblem != null) {
        showRefusal(planProblem != null ? planProblem : appProblem);
      }
      if (e.fields().isEmpty()) {
        Notices.error(e.getMessage());
      }
    }
  }

  /** Sends the browser to Stripe's checkout page once it exists, else to the order's page. */
  private void goToCheckout(long orderId) {
    order.setEnabled(false);
    Notices.info("Taking you to the secure payment page…");
    Caller caller = user.caller();
    Background.run(
        executor,
        () -> orders.awaitCheckoutUrl(caller, orderId),
        url ->
            getUI()
                .ifPresent(
                    ui ->
                        url.ifPresentOrElse(
                            checkout -> ui.getPage().setLocation(checkout),
                            () -> ui.navigate("orders/" + orderId))),
        failure -> getUI().ifPresent(ui -> ui.navigate("orders/" + orderId)));
  }

  private static void show(TextField field, String problem) {
    field.setInvalid(problem != null);
    field.setErrorMessage(problem);
  }
}
