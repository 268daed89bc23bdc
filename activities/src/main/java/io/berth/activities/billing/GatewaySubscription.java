package io.berth.activities.billing;

/**
 * A subscription as the payment provider answers it after a change.
 *
 * @param status the provider's status ({@code active}, {@code past_due}, {@code canceled}, …)
 * @param cancelAtPeriodEnd whether it ends when the current period ends
 */
public record GatewaySubscription(String id, String status, boolean cancelAtPeriodEnd) {}
