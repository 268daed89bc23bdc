package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.stripe.exception.StripeException;
import com.stripe.param.checkout.SessionCreateParams;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.billing.CheckoutLink;
import io.berth.workflows.common.FailureType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link StripePaymentGateway} against the real stripe-mock: every call Berth makes is one Stripe
 * accepts, and answers the fields Berth reads.
 */
class StripePaymentGatewayIT {

  /** Every status a Stripe subscription can have. */
  private static final List<String> STRIPE_STATUSES =
      List.of(
          "incomplete",
          "incomplete_expired",
          "trialing",
          "active",
          "past_due",
          "canceled",
          "unpaid",
          "paused");

  private final StripePaymentGateway gateway = new StripePaymentGateway(StripeMock.client());

  @BeforeAll
  static void stripeMock() throws Exception {
    StripeMock.ensureRunning();
  }

  @Test
  void aCustomer_isCreatedWithAnId() {
    String customer = gateway.createCustomer(41, "owner@example.com");

    assertThat(customer).startsWith("cus_");
  }

  @Test
  void aCheckoutPage_isCreatedAndReadBack() {
    CheckoutLink link = gateway.createCheckout(checkout(7, 3));

    assertThat(link.sessionId()).startsWith("cs_test_");
    assertThat(URI.create(link.url()).getScheme()).isEqualTo("https");

    CheckoutSession session = gateway.checkout(link.sessionId());

    assertThat(session.id()).isEqualTo(link.sessionId());
    assertThat(session.url()).isEqualTo(link.url());
    assertThat(session.status()).isIn("open", "complete", "expired");
    assertThat(session.paymentStatus()).isIn("paid", "unpaid", "no_payment_required");
    assertThat(session.paymentIntentId()).startsWith("pi_");
  }

  @Test
  void aPaidCheckout_isRefunded() {
    CheckoutSession session = gateway.checkout(gateway.createCheckout(checkout(8, 4)).sessionId());

    Optional<String> refund = gateway.refundCheckout(session, "order-8:refund");

    assertThat(refund).hasValueSatisfying(id -> assertThat(id).startsWith("re_"));
  }

  @Test
  void aSubscription_changesPrice() {
    GatewaySubscription changed =
        gateway.changePrice("sub_berth_it", "price_berth_business_month", "subscription-5:plan-1");

    assertThat(changed.id()).isEqualTo("sub_berth_it");
    assertThat(changed.status()).isIn(STRIPE_STATUSES);
  }

  @Test
  void aSubscription_isSetToCancelAtPeriodEnd_andBack() {
    GatewaySubscription cancelling =
        gateway.setCancelAtPeriodEnd("sub_berth_it", true, "subscription-5:cancel-1");
    GatewaySubscription kept =
        gateway.setCancelAtPeriodEnd("sub_berth_it", false, "subscription-5:cancel-2");

    assertThat(cancelling.id()).isEqualTo(kept.id()).isEqualTo("sub_berth_it");
    assertThat(kept.status()).isIn(STRIPE_STATUSES);
  }

  @Test
  void aSubscription_isCancelled() {
    GatewaySubscription cancelled = gateway.cancelSubscription("sub_berth_it", "order-5:cancel");

    assertThat(cancelled.id()).isEqualTo("sub_berth_it");
    assertThat(cancelled.status()).isIn(STRIPE_STATUSES);
  }

  @Test
  void thePortal_answersALink() {
    String url = gateway.portalUrl("cus_berth_it", "http://127.0.0.1:8080/billing");

    assertThat(url).startsWith("https://");
  }

  @Test
  void aRequestStripeRejects_failsForGood_withStripesReason() {
    SessionCreateParams invalid =
        SessionCreateParams.builder()
            .setSuccessUrl("http://127.0.0.1:8080/orders/1?paid")
            .putExtraParam("mode", "monthly")
            .build();

    StripeException refused =
        assertThrows(
            StripeException.class,
            () -> StripeMock.client().v1().checkout().sessions().create(invalid));
    RuntimeException translated = StripeErrors.translate("creating the checkout page", refused);

    assertThat(translated)
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageStartingWith("Stripe refused creating the checkout page:")
        .hasMessageContaining("mode");
  }

  @Test
  void aSessionStripeDoesNotKnow_failsForGood_asNotFound() {
    assertThatThrownBy(() -> gateway.checkout(""))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND))
        .hasMessageContaining("Stripe refused reading the checkout session");
  }

  @Test
  void anUnreachableStripe_isRetried() throws IOException {
    StripePaymentGateway unreachable =
        new StripePaymentGateway(
            new StripeProperties(StripeMock.API_KEY, URI.create("http://127.0.0.1:" + freePort()))
                .newClient());

    assertThatThrownBy(() -> unreachable.createCustomer(42, "owner@example.com"))
        .isInstanceOf(PaymentGatewayUnavailableException.class)
        .isNotInstanceOf(PermanentException.class)
        .hasMessageContaining("Stripe could not be reached while creating the customer")
        .hasMessageNotContaining(StripeMock.API_KEY);
  }

  private static CheckoutRequest checkout(long order, long subscription) {
    return new CheckoutRequest(
        order,
        subscription,
        "cus_berth_it",
        "price_berth_starter_month",
        "http://127.0.0.1:8080/orders/" + order + "?paid",
        "http://127.0.0.1:8080/orders/" + order);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
