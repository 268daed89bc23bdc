package io.berth.panel.domain;

import java.time.Instant;

/**
 * The last look at public DNS for a domain, as the workflow stored it.
 *
 * @param seen whether DNS points here
 * @param found what the resolver answered, e.g. {@code 192.0.2.7}
 * @param expected what Berth needs to see
 * @param checkedAt when; null if DNS was not checked yet
 */
record DnsLook(boolean seen, String found, String expected, Instant checkedAt) {

  boolean checked() {
    return checkedAt != null;
  }
}
