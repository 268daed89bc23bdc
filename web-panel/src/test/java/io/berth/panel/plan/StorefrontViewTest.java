package io.berth.panel.plan;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import io.berth.panel.order.CheckoutView;
import io.berth.panel.testing.ViewTest;
import org.junit.jupiter.api.Test;

class StorefrontViewTest extends ViewTest {

  @Test
  void givenAVisitor_whenOpeningTheStorefront_itShowsEveryPlanWithPriceAndLimits() {
    navigate("");

    assertThat(_find(Div.class, spec -> spec.withClasses("plan-card"))).hasSize(3);
    assertThat(text("plan-trial"))
        .contains(
            "Trial",
            "Free for 14 days",
            "0.25 CPU",
            "128 MB memory",
            "1 GB disk",
            "1 site",
            "1 database");
    assertThat(text("plan-starter"))
        .contains(
            "Starter",
            "€5.00 / month",
            "Billed monthly",
            "0.5 CPU",
            "256 MB memory",
            "5 GB disk",
            "3 sites",
            "3 databases");
    assertThat(text("plan-business"))
        .contains(
            "Business",
            "€20.00 / month",
            "2 CPU",
            "1 GB memory",
            "20 GB disk",
            "10 sites",
            "10 databases");
  }

  @Test
  void givenAVisitor_itOffersSignUpAndSignIn() {
    navigate("");

    _get(Button.class, spec -> spec.withText("Sign up"));
    _get(Button.class, spec -> spec.withText("Sign in"));
  }

  @Test
  void givenACustomer_whenChoosingAPlan_itOpensTheCheckoutForThatPlan() {
    signIn("ada@example.com");
    navigate("");

    assertThat(_find(Button.class, spec -> spec.withText("Sign up"))).isEmpty();
    Div starter = _get(Div.class, spec -> spec.withId("plan-starter"));
    _click(_get(starter, Button.class, spec -> spec.withText("Choose")));

    assertThat(currentView()).isInstanceOf(CheckoutView.class);
    assertThat(get_textRecursively(currentView())).contains("Order Starter");
  }

  private static String text(String id) {
    return get_textRecursively(_get(Div.class, spec -> spec.withId(id)));
  }
}
