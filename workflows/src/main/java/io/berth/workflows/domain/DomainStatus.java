package io.berth.workflows.domain;

/** A domain's state as the panel lists it. {@link #REMOVED} is final. */
public enum DomainStatus {
  SETTING_UP,
  /** Set up; the delegation (hosted) or the customer's records (external) are not seen yet. */
  WAITING_FOR_DNS,
  /** DNS points here. */
  ACTIVE,
  /** DNS was not seen within the wait limit; "check again" starts a new wait. */
  DNS_NOT_SEEN,
  /** Setting up failed for good (reason stored). */
  FAILED,
  REMOVING,
  REMOVED
}
