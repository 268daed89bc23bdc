package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code berth.stripe.*}, {@code berth.panel.public-url} and {@code berth.billing.mail.*}. */
class BillingSettingsTest {

  @Test
  void withoutAnApiKey_theGatewayExists_andRefusesEveryCallSayingStripeIsOff() {
    PaymentGateway gateway =
        new BillingConfig()
            .paymentGateway(new StripeProperties("", URI.create("https://api.stripe.com")));

    assertThat(gateway).isInstanceOf(UnconfiguredPaymentGateway.class);
    assertThatThrownBy(() -> gateway.createCustomer(1, "owner@example.com"))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageStartingWith("Stripe is not configured");
    assertThatThrownBy(() -> gateway.portalUrl("cus_1", "https://panel.example/billing"))
        .hasMessageStartingWith("Stripe is not configured");
  }

  @Test
  void withAnApiKey_theGatewayIsStripe() {
    PaymentGateway gateway =
        new BillingConfig()
            .paymentGateway(
                new StripeProperties("sk_test_abc", URI.create("http://127.0.0.1:12111/")));

    assertThat(gateway).isInstanceOf(StripePaymentGateway.class);
  }

  @Test
  void theApiKey_neverShowsInTheSettingsText() {
    StripeProperties stripe =
        new StripeProperties("sk_live_secretvalue", URI.create("https://api.stripe.com"));

    assertThat(stripe.toString()).doesNotContain("sk_live").contains("(set)");
    assertThat(stripe.configured()).isTrue();
    assertThat(new StripeProperties(null, URI.create("https://api.stripe.com")).configured())
        .isFalse();
  }

  @Test
  void anApiBaseThatIsNoHttpUrl_isRefusedAtStart() {
    assertThatThrownBy(() -> new StripeProperties("sk_test_abc", URI.create("ftp://stripe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("berth.stripe.api-base");
  }

  @Test
  void thePanelLinks_areBuiltFromThePublicUrl_withOrWithoutItsSlash() {
    PanelLinks slash = new PanelLinks(URI.create("https://panel.example/"));
    PanelLinks bare = new PanelLinks(URI.create("http://127.0.0.1:8080"));

    assertThat(slash.orderPaid(12)).isEqualTo("https://panel.example/orders/12?paid");
    assertThat(slash.order(12)).isEqualTo("https://panel.example/orders/12");
    assertThat(slash.billing()).isEqualTo("https://panel.example/billing");
    assertThat(bare.billing()).isEqualTo("http://127.0.0.1:8080/billing");
  }

  @Test
  void theSenderMustBeAnAddress() {
    assertThatThrownBy(
            () -> new BillingMailProperties("127.0.0.1", 2525, "billing", Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("berth.billing.mail.from");
    assertThat(
            new BillingMailProperties(
                    "127.0.0.1", 2525, "billing@berth.localhost", Duration.ofSeconds(5))
                .fromDomain())
        .isEqualTo("berth.localhost");
  }
}
