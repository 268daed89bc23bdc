package io.berth.workflows.domain;

/** Where a customer's domain is served from. */
public enum DomainMode {
  /**
   * Berth's authoritative server holds the zone; the customer delegates to Berth's name servers.
   */
  HOSTED,
  /** The customer keeps DNS elsewhere and creates the records Berth asks for. */
  EXTERNAL
}
