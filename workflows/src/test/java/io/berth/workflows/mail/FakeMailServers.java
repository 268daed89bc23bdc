package io.berth.workflows.mail;

import io.berth.workflows.common.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory mail servers (the {@code berth-mail} side): served domains and stored mail. */
class FakeMailServers implements MailServerActivities {

  final Set<Long> servedDomains = ConcurrentHashMap.newKeySet();
  final Set<Long> storedMail = ConcurrentHashMap.newKeySet();
  private final MailCalls calls;

  /** The signer refuses the domain's key, for good (after writing part of its tables). */
  volatile boolean enableRefused;

  FakeMailServers(MailCalls calls) {
    this.calls = calls;
  }

  @Override
  public void enableDomain(long mailDomainId) {
    calls.add("enableDomain");
    servedDomains.add(mailDomainId);
    if (enableRefused) {
      throw ApplicationFailure.newNonRetryableFailure(
          "OpenDKIM refused the key of example.test", FailureType.INVALID_INPUT.type());
    }
  }

  @Override
  public void disableDomain(long mailDomainId) {
    calls.add("disableDomain");
    servedDomains.remove(mailDomainId);
  }

  @Override
  public void purgeMailbox(long mailboxId) {
    calls.add("purgeMailbox");
    storedMail.remove(mailboxId);
  }
}
