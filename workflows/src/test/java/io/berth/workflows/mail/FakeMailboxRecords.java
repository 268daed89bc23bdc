package io.berth.workflows.mail;

import io.berth.workflows.common.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** In-memory mailbox rows of the platform DB. */
class FakeMailboxRecords implements MailboxRecordActivities {

  final Map<Long, MailboxStatus> statuses = new ConcurrentHashMap<>();
  final Map<Long, String> reasons = new ConcurrentHashMap<>();
  final Map<Long, Instant> purgeAfter = new ConcurrentHashMap<>();
  private final MailCalls calls;

  /** While set, making a mailbox ACTIVE waits until {@link #release()}. */
  volatile CountDownLatch activation;

  /** Set once a held activation has started. */
  final CountDownLatch activationStarted = new CountDownLatch(1);

  /** The row is gone: making it ACTIVE fails for good. */
  volatile boolean rowMissing;

  FakeMailboxRecords(MailCalls calls) {
    this.calls = calls;
  }

  @Override
  public void recordMailbox(long mailboxId, MailboxStatus status, String reason) {
    calls.add("recordMailbox " + status);
    if (status == MailboxStatus.ACTIVE) {
      if (rowMissing) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Mailbox " + mailboxId + " not found", FailureType.NOT_FOUND.type());
      }
      holdActivation();
    }
    statuses.put(mailboxId, status);
    if (reason != null) {
      reasons.put(mailboxId, reason);
    }
  }

  @Override
  public void markDeleted(long mailboxId, Instant purgeAfter) {
    calls.add("markDeleted");
    this.purgeAfter.putIfAbsent(mailboxId, purgeAfter);
    statuses.put(mailboxId, MailboxStatus.DELETED);
  }

  void release() {
    activation.countDown();
  }

  private void holdActivation() {
    CountDownLatch held = activation;
    if (held == null) {
      return;
    }
    activationStarted.countDown();
    try {
      if (!held.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("activation was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
