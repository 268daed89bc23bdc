package io.berth.activities.billing;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.InvoicePayment;
import com.stripe.model.Refund;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.billing.CheckoutLink;
import io.berth.workflows.common.FailureType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PaymentGateway} on Stripe, through an injected {@link StripeClient} (its own API key and
 * base URL; never the static {@code Stripe.apiKey}). New subscriptions are sold on Stripe Checkout
 * in subscription mode; every Stripe object Berth makes carries Berth's ids in its metadata
 * ({@value #ORDER_KEY}, {@value #SUBSCRIPTION_KEY}, {@value #CUSTOMER_KEY}), because Stripe's own
 * ids are all the webhook sees.
 */
public class StripePaymentGateway implements PaymentGateway {

  static final String ORDER_KEY = "berth_order_id";
  static final String SUBSCRIPTION_KEY = "berth_subscription_id";
  static final String CUSTOMER_KEY = "berth_customer_id";

  /** Subscriptions that have ended at Stripe and cannot be cancelled again. */
  private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");

  private final StripeClient stripe;

  public StripePaymentGateway(StripeClient stripe) {
    this.stripe = stripe;
  }

  @Override
  public String createCustomer(long customerId, String email) {
    CustomerCreateParams params =
        CustomerCreateParams.builder()
            .setEmail(email)
            .putMetadata(CUSTOMER_KEY, Long.toString(customerId))
            .build();
    return call(
        "creating the customer",
        () -> stripe.v1().customers().create(params, key("customer-" + customerId)).getId());
  }

  @Override
  public CheckoutLink createCheckout(CheckoutRequest request) {
    Session session =
        call(
            "creating the checkout page",
            () ->
                stripe
                    .v1()
                    .checkout()
                    .sessions()
                    .create(checkoutParams(request), key(request.idempotencyKey())));
    return new CheckoutLink(session.getId(), session.getUrl());
  }

  /** The Checkout Session Berth asks for: one subscription, Berth's ids on both objects. */
  static SessionCreateParams checkoutParams(CheckoutRequest request) {
    String orderId = Long.toString(request.orderId());
    String subscriptionId = Long.toString(request.subscriptionId());
    return SessionCreateParams.builder()
        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
        .addLineItem(
            SessionCreateParams.LineItem.builder()
                .setPrice(request.priceId())
                .setQuantity(1L)
                .build())
        .setCustomer(request.customerId())
        .setClientReferenceId(orderId)
        .putMetadata(ORDER_KEY, orderId)
        .putMetadata(SUBSCRIPTION_KEY, subscriptionId)
        .setSubscriptionData(
            SessionCreateParams.SubscriptionData.builder()
                .putMetadata(SUBSCRIPTION_KEY, subscriptionId)
                .build())
        .setSuccessUrl(request.successUrl())
        .setCancelUrl(request.cancelUrl())
        .build();
  }

  @Override
  public CheckoutSession checkout(String sessionId) {
    Session s =
        call(
            "reading the checkout session",
            () -> stripe.v1().checkout().sessions().retrieve(sessionId));
    return new CheckoutSession(
        s.getId(),
        s.getUrl(),
        s.getStatus(),
        s.getPaymentStatus(),
        s.getCustomer(),
        s.getSubscription(),
        s.getPaymentIntent(),
        s.getInvoice(),
        s.getClientReferenceId());
  }

  @Override
  public Optional<String> refundCheckout(CheckoutSession session, String idempotencyKey) {
    String paymentIntent =
        session.paymentIntentId() != null
            ? session.paymentIntentId()
            : invoicePaymentIntent(session.invoiceId());
    if (paymentIntent == null) {
      return Optional.empty();
    }
    RefundCreateParams params =
        RefundCreateParams.builder()
            .setPaymentIntent(paymentIntent)
            .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
            .build();
    try {
      Refund refund = stripe.v1().refunds().create(params, key(idempotencyKey));
      return Optional.of(refund.getId());
    } catch (InvalidRequestException e) {
      if ("charge_already_refunded".equals(e.getCode())) {
        return existingRefund(paymentIntent);
      }
      throw StripeErrors.translate("refunding the payment", e);
    } catch (StripeException e) {
      throw StripeErrors.translate("refunding the payment", e);
    }
  }

  /** The payment intent that paid the invoice (a subscription's first invoice), if it was paid. */
  private String invoicePaymentIntent(String invoiceId) {
    if (invoiceId == null) {
      return null;
    }
    List<InvoicePayment> payments =
        call(
            "reading the invoice's payments",
            () ->
                stripe
                    .v1()
                    .invoicePayments()
                    .list(InvoicePaymentListParams.builder().setInvoice(invoiceId).build())
                    .getData());
    return payments.stream()
        .filter(p -> "paid".equals(p.getStatus()) && p.getPayment() != null)
        .map(p -> p.getPayment().getPaymentIntent())
        .filter(id -> id != null)
        .findFirst()
        .orElse(null);
  }

  private Optional<String> existingRefund(String paymentIntent) {
    List<Refund> refunds =
        call(
            "reading the payment's refunds",
            () ->
                stripe
                    .v1()
                    .refunds()
                    .list(RefundListParams.builder().setPaymentIntent(paymentIntent).build())
                    .getData());
    return refunds.stream().map(Refund::getId).findFirst();
  }

  @Override
  public GatewaySubscription cancelSubscription(String subscriptionId, String idempotencyKey) {
    Subscription subscription = subscription(subscriptionId);
    if (ENDED.contains(subscription.getStatus())) {
      return answer(subscription);
    }
    return answer(
        call(
            "cancelling the subscription",
            () -> stripe.v1().subscriptions().cancel(subscriptionId, key(idempotencyKey))));
  }

  @Override
  public GatewaySubscription changePrice(
      String subscriptionId, String priceId, String idempotencyKey) {
    Subscription subscription = subscription(subscriptionId);
    List<SubscriptionItem> items =
        subscription.getItems() != null ? subscription.getItems().getData() : List.of();
    if (items.isEmpty()) {
      throw new PermanentException(
          FailureType.NOT_FOUND,
          "Stripe's subscription " + subscriptionId + " has no item whose price could change");
    }
    SubscriptionItem item = items.get(0);
    if (item.getPrice() != null && priceId.equals(item.getPrice().getId())) {
      return answer(subscription);
    }
    SubscriptionUpdateParams params =
        SubscriptionUpdateParams.builder()
            .addItem(
                SubscriptionUpdateParams.Item.builder()
                    .setId(item.getId())
                    .setPrice(priceId)
                    .build())
            .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
            .build();
    return answer(
        call(
            "changing the plan",
            () -> stripe.v1().subscriptions().update(subscriptionId, params, key(idempotencyKey))));
  }

  @Override
  public GatewaySubscription setCancelAtPeriodEnd(
      String subscriptionId, boolean cancel, String idempotencyKey) {
    SubscriptionUpdateParams params =
        SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build();
    return answer(
        call(
            cancel ? "cancelling at the end of the period" : "withdrawing the cancellation",
            () -> stripe.v1().subscriptions().update(subscriptionId, params, key(idempotencyKey))));
  }

  @Override
  public String portalUrl(String customerId, String returnUrl) {
    com.stripe.param.billingportal.SessionCreateParams params =
        com.stripe.param.billingportal.SessionCreateParams.builder()
            .setCustomer(customerId)
            .setReturnUrl(returnUrl)
            .build();
    return call(
        "opening the billing portal",
        () -> stripe.v1().billingPortal().sessions().create(params).getUrl());
  }

  private Subscription subscription(String subscriptionId) {
    return call(
        "reading the subscription", () -> stripe.v1().subscriptions().retrieve(subscriptionId));
  }

  private static GatewaySubscription answer(Subscription subscription) {
    return new GatewaySubscription(
        subscription.getId(),
        subscription.getStatus(),
        Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()));
  }

  private static RequestOptions key(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private static <T> T call(String action, StripeCall<T> call) {
    try {
      return call.call();
    } catch (StripeException e) {
      throw StripeErrors.translate(action, e);
    }
  }

  /** One request to Stripe. */
  @FunctionalInterface
  private interface StripeCall<T> {
    T call() throws StripeException;
  }
}
