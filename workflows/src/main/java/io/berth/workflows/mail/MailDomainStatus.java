package io.berth.workflows.mail;

/** Email on one domain; {@link #REMOVED} is final. Only an ACTIVE domain receives mail. */
public enum MailDomainStatus {
  CREATING,
  ACTIVE,
  FAILED,
  REMOVING,
  REMOVED
}
