package io.berth.workflows.mail;

/**
 * Input of {@link MailDomainWorkflow}.
 *
 * @param mailDomainId the {@code mail_domain} row the panel inserted (status CREATING)
 * @param ready true when continued as new after email was turned on
 */
public record MailDomainRequest(long mailDomainId, long customerId, boolean ready) {}
