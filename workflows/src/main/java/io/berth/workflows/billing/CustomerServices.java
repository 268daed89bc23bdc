package io.berth.workflows.billing;

import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.domain.DomainWorkflow;
import io.berth.workflows.mail.MailDomainWorkflow;
import io.berth.workflows.mail.MailboxWorkflow;
import io.berth.workflows.site.SiteWorkflow;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * What a subscription's status does to the customer's services, told to their own workflows as
 * signals: sites are suspended, resumed, given new limits or terminated; on termination the
 * customer's domains and mail go too. A workflow that is no longer running is passed over (logged):
 * there is nothing left to tell it.
 */
final class CustomerServices {

  private static final Logger log = Workflow.getLogger(CustomerServices.class);

  /**
   * Time for deleted mailboxes to be recorded deleted before their mail domain is turned off: the
   * mail domain refuses to turn off while it still sees live mailboxes.
   */
  static final Duration MAILBOXES_SETTLE = Duration.ofMinutes(5);

  private final SubscriptionActivities subscriptions;
  private final long subscriptionId;

  CustomerServices(SubscriptionActivities subscriptions, long subscriptionId) {
    this.subscriptions = subscriptions;
    this.subscriptionId = subscriptionId;
  }

  void suspendSites() {
    tellSites("suspend", SiteWorkflow::suspend);
  }

  void resumeSites() {
    tellSites("resume", SiteWorkflow::resume);
  }

  void changeLimits(PlanLimits limits) {
    tellSites("changeLimits", site -> site.changeLimits(limits));
  }

  /** Sites first, then mailboxes, mail domains and domains the customer holds no other way. */
  void terminate() {
    tellSites("terminate", SiteWorkflow::terminate);
    CustomerLeftovers leftovers = subscriptions.leftovers(subscriptionId);
    for (long mailboxId : leftovers.mailboxIds()) {
      tell(
          MailboxWorkflow.class,
          MailboxWorkflow.workflowId(mailboxId),
          "delete",
          MailboxWorkflow::delete);
    }
    if (!leftovers.mailboxIds().isEmpty() && !leftovers.mailDomainIds().isEmpty()) {
      Workflow.sleep(MAILBOXES_SETTLE);
    }
    for (long mailDomainId : leftovers.mailDomainIds()) {
      tell(
          MailDomainWorkflow.class,
          MailDomainWorkflow.workflowId(mailDomainId),
          "turnOff",
          MailDomainWorkflow::turnOff);
    }
    for (long domainId : leftovers.domainIds()) {
      tell(
          DomainWorkflow.class,
          DomainWorkflow.workflowId(domainId),
          "remove",
          DomainWorkflow::remove);
    }
  }

  private void tellSites(String signal, Consumer<SiteWorkflow> what) {
    for (SiteRef site : subscriptions.sites(subscriptionId)) {
      tell(SiteWorkflow.class, SiteWorkflow.workflowId(site.siteId()), signal, what);
    }
  }

  private <T> void tell(Class<T> type, String workflowId, String signal, Consumer<T> what) {
    try {
      what.accept(Workflow.newExternalWorkflowStub(type, workflowId));
    } catch (RuntimeException notRunning) {
      log.warn(
          "Subscription {}: {} did not take the {} signal",
          subscriptionId,
          workflowId,
          signal,
          notRunning);
    }
  }
}
