package io.berth.activities.billing;

/**
 * Sends billing e-mails. A refused recipient is a {@link
 * io.berth.activities.common.PermanentException}; a mail server that cannot be reached or answers
 * "try later" is a {@link BillingMailUnavailableException}, retried.
 */
public interface BillingMailer {

  /** Returns once the mail server has accepted the message. */
  void send(BillingMail mail);
}
