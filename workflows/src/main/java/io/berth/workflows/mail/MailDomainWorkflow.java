package io.berth.workflows.mail;

import io.berth.workflows.progress.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Email on one of a customer's domains, id {@code maildomain-<mailDomainId>}, on {@code
 * berth-control}: the DKIM key, the mail DNS records (MX, SPF, DKIM, DMARC), then the mail servers
 * (signer and Postfix on {@code berth-mail}), then ACTIVE. Lives on as the mail domain's entity
 * until {@link #turnOff()}, which takes it off the servers and DNS and ends the workflow.
 */
@WorkflowInterface
public interface MailDomainWorkflow {

  String STEP_DKIM = "dkim";
  String STEP_DNS = "dns";
  String STEP_SERVERS = "servers";

  List<String> STEPS = List.of(STEP_DKIM, STEP_DNS, STEP_SERVERS);

  static String workflowId(long mailDomainId) {
    return "maildomain-" + mailDomainId;
  }

  @WorkflowMethod
  void run(MailDomainRequest request);

  /** Turns email off: the panel only sends it once the domain has no live mailboxes. */
  @SignalMethod
  void turnOff();

  @QueryMethod
  Progress progress();

  /** The mail records of the domain (published on hosted DNS, else to be added by the customer). */
  @QueryMethod
  List<MailDnsRecord> dnsRecords();
}
