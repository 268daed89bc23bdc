package io.berth.activities.billing;

/**
 * One billing e-mail, plain text.
 *
 * @param messageKey stable for the same notice, so the same e-mail keeps the same Message-ID
 */
public record BillingMail(String to, String subject, String body, String messageKey) {}
