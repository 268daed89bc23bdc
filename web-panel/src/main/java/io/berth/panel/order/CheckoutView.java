package io.berth.panel.order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.plan.PlanCatalog;
import io.berth.panel.plan.PlanFormat;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.site.AppCatalog;
import io.berth.panel.site.AppCatalog.App;
import io.berth.panel.site.SiteUrls;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import io.berth.persistence.plan.Plan;
import io.berth.workflows.common.SiteNames;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/** Checkout: name the first site, pick its app, order. */
@Route(value = "checkout/:planId(\\d+)", layout = MainLayout.class)
@PageTitle("Checkout · Berth")
@PermitAll
public class CheckoutView extends VerticalLayout implements BeforeEnterObserver {

  private final PlanCatalog plans;
  private final OrderService orders;
  private final CurrentUser user;
  private final SiteUrls urls;
  private final TextField siteName = createSiteNameField();
  private final Select<App> app = createAppSelect();
  private Plan plan;

  CheckoutView(PlanCatalog plans, OrderService orders, CurrentUser user, SiteUrls urls) {
    this.plans = plans;
    this.orders = orders;
    this.user = user;
    this.urls = urls;
    addClassName("checkout");
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
        createPaymentNote(),
        createOrderButton());
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

  private Select<App> createAppSelect() {
    Select<App> select = new Select<>();
    select.setLabel("App");
    select.setItems(AppCatalog.all());
    select.setItemLabelGenerator(App::label);
    select.setValue(AppCatalog.STATIC);
    select.setWidth("32em");
    return select;
  }

  private Component createPaymentNote() {
    String note =
        plan.isFree()
            ? "No payment needed: your site is set up as soon as you order."
            : "You pay "
                + PlanFormat.price(plan)
                + " by bank transfer. After ordering you see the bank details and the"
                + " reference; we set up your site once the payment has arrived.";
    return new Paragraph(note);
  }

  private Component createOrderButton() {
    Button order = new Button("Order", e -> placeOrder());
    order.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    return order;
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
              user.caller(), plan.id(), siteName.getValue(), chosen == null ? null : chosen.id());
      getUI().ifPresent(ui -> ui.navigate("orders/" + placed.id()));
    } catch (UserFacingException e) {
      String nameProblem = e.problemWith("siteName");
      siteName.setInvalid(nameProblem != null);
      siteName.setErrorMessage(nameProblem);
      String appProblem = e.problemWith("app");
      app.setInvalid(appProblem != null);
      app.setErrorMessage(appProblem);
      if (nameProblem == null && appProblem == null) {
        Notices.error(e.getMessage());
      }
    }
  }
}
