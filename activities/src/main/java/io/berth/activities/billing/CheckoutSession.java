package io.berth.activities.billing;

/**
 * A checkout session as the payment provider answers it.
 *
 * @param status {@code open}, {@code complete} or {@code expired}
 * @param paymentStatus {@code paid}, {@code unpaid} or {@code no_payment_required}
 * @param subscriptionId the subscription the session made, once completed; else null
 * @param paymentIntentId the payment it took directly, if any
 * @param invoiceId the first invoice of its subscription, once completed; else null
 * @param clientReferenceId Berth's order id, as given when the session was made
 */
public record CheckoutSession(
    String id,
    String url,
    String status,
    String paymentStatus,
    String customerId,
    String subscriptionId,
    String paymentIntentId,
    String invoiceId,
    String clientReferenceId) {}
