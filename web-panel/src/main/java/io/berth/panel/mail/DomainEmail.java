package io.berth.panel.mail;

import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;

/**
 * One of the customer's domains on the Email page, with its email.
 *
 * @param email email on the domain; null while it is off
 * @param turnOnProblem why email cannot be turned on now (the domain is not set up yet, …); null if
 *     it can, or if it is on
 */
record DomainEmail(
    long domainId,
    String name,
    DomainMode mode,
    DomainStatus domainStatus,
    MailDomainSummary email,
    String turnOnProblem) {}
