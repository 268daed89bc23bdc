package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.workflows.billing.BillingEvent;
import io.berth.workflows.billing.BillingEventKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A paid plan bought with Stripe Checkout, in real Chromium against the packaged panel and worker,
 * which talk to stripe-mock: sign up → order Starter with a static site → the panel makes a
 * Checkout session and sends the browser to Stripe's hosted page. That page cannot be reached here,
 * so the test plays Stripe: it delivers the signed {@code checkout.session.completed} for the
 * session, twice, as Stripe does when unsure → the order's steps finish on its page, the site
 * answers through the proxy, and Billing shows Starter as Active. A delivery with a signature made
 * with another secret is refused and changes nothing.
 */
class StripeCheckoutJourneyIT {

  private static Platform platform;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromJars();
    // Stripe's hosted pages stay unresolved: nothing leaves this machine.
    browser =
        new Browser("--host-resolver-rules=MAP stripe.com ~NOTFOUND, MAP *.stripe.com ~NOTFOUND");
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  private static boolean onStripe(String url) {
    return url.startsWith("https://checkout.stripe.com/");
  }

  @Test
  void customerPaysStarterWithStripeCheckoutAndTheSiteGoesLiveOnTheSignedWebhook()
      throws Exception {
    String site = "stripe" + Long.toString(System.nanoTime() % 100000, 36);
    String email = site + "@berth.test";
    String password = "Stripe-journey-password-1";

    browser.open(platform.panelUrl() + "/");
    browser.click("Sign up");
    browser.type("Email", email);
    browser.type("Password", password);
    browser.click("Create account");
    browser.signIn(platform.panelUrl(), email, password);

    browser.open(platform.panelUrl() + "/");
    browser.clickIn("//*[@id='plan-starter']", "Choose");
    browser.type("Site name", site);
    browser.click("Order");
    // The panel sends the browser on to Stripe's page once the order's workflow has made it; had
    // that taken longer than the panel waits, the order page offers "Pay now" instead.
    browser.waitUntil(
        Duration.ofSeconds(60),
        d -> onStripe(d.getCurrentUrl()) || !browser.textOf("order-pay-now").isEmpty());
    if (!onStripe(browser.currentUrl())) {
      browser.clickId("order-pay-now");
      browser.waitUntil(Duration.ofSeconds(20), d -> onStripe(d.getCurrentUrl()));
    }
    String hostedPage = browser.currentUrl();

    PanelApi api = new PanelApi(platform.panelUrl()).signIn(email, password);
    long orderId = api.orders().get(0).get("id").asLong();
    JsonNode order = api.order(orderId);
    assertThat(order.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
    assertThat(order.get("paymentMethod").asText()).isEqualTo("STRIPE");
    assertThat(order.get("checkoutUrl").asText()).isEqualTo(hostedPage);
    long subscriptionId = order.get("subscriptionId").asLong();

    Platform.StripeCheckout checkout = platform.stripeCheckoutOf(orderId);
    assertThat(checkout.sessionId()).startsWith("cs_");
    JsonNode starter = api.plan("Starter");
    String eventId = "evt_e2e_checkout_" + orderId;
    String paid =
        StripeEvents.checkoutSessionCompleted(
            eventId,
            Instant.now(),
            new StripeEvents.PaidCheckout(
                checkout.sessionId(),
                orderId,
                subscriptionId,
                // Stripe Checkout makes the customer itself when the session named none.
                checkout.customerId() != null ? checkout.customerId() : "cus_e2e_" + orderId,
                "sub_e2e_" + orderId,
                starter.get("priceCents").asLong(),
                starter.get("currency").asText()));
    String orderWorkflow = "order-" + orderId;

    PanelApi.Delivery forged =
        api.postStripeWebhook(
            paid, StripeSignature.header("whsec_not_the_panels_secret", Instant.now(), paid));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(api.order(orderId).get("status").asText()).isEqualTo("AWAITING_PAYMENT");
    assertThat(platform.signalArguments(orderWorkflow, "paymentReceived", String.class)).isEmpty();

    assertThat(api.deliverStripeEvent(paid, platform.stripeWebhookSecret).status())
        .isBetween(200, 299);
    assertThat(api.deliverStripeEvent(paid, platform.stripeWebhookSecret).status())
        .as("a redelivery is taken as done")
        .isBetween(200, 299);

    // Where Checkout sends the customer back after paying.
    browser.open(platform.panelUrl() + "/orders/" + orderId + "?paid");
    browser.waitUntil(Duration.ofSeconds(120), d -> browser.classOf("step-done").contains("done"));
    for (String step :
        new String[] {"payment", "placement", "network", "container", "route", "health-check"}) {
      assertThat(browser.classOf("step-" + step)).as(step).contains("done");
    }
    assertThat(api.order(orderId).get("status").asText()).isEqualTo("ACTIVE");

    // The second delivery had no effect of its own: each workflow heard of the payment once.
    assertThat(platform.signalArguments(orderWorkflow, "paymentReceived", String.class))
        .containsExactly(checkout.sessionId());
    assertThat(
            platform.signalArguments(
                "subscription-" + subscriptionId, "billingEvent", BillingEvent.class))
        .filteredOn(event -> event.id().equals(eventId))
        .singleElement()
        .extracting(BillingEvent::kind)
        .isEqualTo(BillingEventKind.PAID);

    ProxyClient.Answer page = Platform.visit(site);
    assertThat(page.status()).isEqualTo(200);
    browser.open("http://" + site + ".berth.localhost:" + Platform.PROXY_PORT + "/");
    assertThat(browser.text("h1")).isEqualTo("Your site is live");

    browser.open(platform.panelUrl() + "/billing");
    browser.waitUntil(
        Duration.ofSeconds(30),
        d -> browser.textOf("subscription-status-" + subscriptionId).equals("Active"));
    assertThat(browser.textOf("subscription-" + subscriptionId)).contains("Starter").contains(site);
    assertThat(api.subscriptions()).hasSize(1);
    JsonNode subscription = api.subscription(subscriptionId);
    assertThat(subscription.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(subscription.get("plan").get("name").asText()).isEqualTo("Starter");
    assertThat(subscription.get("paymentMethod").asText()).isEqualTo("STRIPE");
  }
}
