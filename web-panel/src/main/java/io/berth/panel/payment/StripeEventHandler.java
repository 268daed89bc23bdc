package io.berth.panel.payment;

import java.util.Set;

/**
 * Applies the events of some types: row changes and signals, in the transaction that took the
 * event. Runs once per event id; an unreachable workflow service is thrown so the whole event rolls
 * back.
 */
interface StripeEventHandler {

  /** The event types this handler acts on; each type has exactly one handler. */
  Set<String> types();

  Outcome handle(StripeEvent event);

  /** What an event did. */
  enum Outcome {
    /** Rows changed or workflows were told. */
    APPLIED,
    /** Nothing to do for it (e.g. an unpaid checkout, a type Berth only records). */
    RECORDED,
    /** It is about something Berth cannot map to an order or subscription of its own. */
    NOT_MAPPED
  }
}
