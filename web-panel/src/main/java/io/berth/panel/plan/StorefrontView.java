package io.berth.panel.plan;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.MainLayout;
import io.berth.persistence.plan.Plan;

/** The storefront: what Berth does, the plans with their prices and limits, and a way in. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Berth: web hosting that sets itself up")
@AnonymousAllowed
public class StorefrontView extends VerticalLayout {

  StorefrontView(PlanCatalog plans, CurrentUser user) {
    addClassName("storefront");
    add(createPitch(user.get().isEmpty()), createPlans(plans));
  }

  private Component createPitch(boolean anonymous) {
    Div pitch = new Div();
    pitch.addClassName("pitch");
    pitch.add(
        new H1("Your site, live while you watch"),
        new Paragraph(
            "Pick a plan, name your site, and Berth sets it up in front of you: its own"
                + " container with the resources you pay for, its own address, checked and"
                + " online in seconds. Start, stop and restart it whenever you like."));
    if (anonymous) {
      Button signUp = new Button("Sign up", e -> navigate("signup"));
      signUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      Button signIn = new Button("Sign in", e -> navigate("login"));
      pitch.add(new HorizontalLayout(signUp, signIn));
    }
    return pitch;
  }

  private Component createPlans(PlanCatalog plans) {
    Div cards = new Div();
    cards.addClassName("plan-cards");
    plans.plans().forEach(plan -> cards.add(createPlanCard(plan)));
    return cards;
  }

  private Component createPlanCard(Plan plan) {
    Div card = new Div();
    card.addClassName("plan-card");
    card.setId("plan-" + plan.code());
    Span price = new Span(PlanFormat.price(plan));
    price.addClassName("plan-price");
    UnorderedList limits = new UnorderedList();
    PlanFormat.limits(plan).forEach(limit -> limits.add(new ListItem(limit)));
    Button choose = new Button("Choose", e -> navigate("checkout/" + plan.id()));
    choose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    card.add(
        new H2(plan.name()),
        price,
        new Span(PlanFormat.billing(plan)),
        new Paragraph(plan.description()),
        limits,
        choose);
    return card;
  }

  private void navigate(String location) {
    getUI().ifPresent(ui -> ui.navigate(location));
  }
}
