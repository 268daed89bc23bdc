package io.berth.workflows.billing;

/** A hosted checkout page the customer pays on. */
public record CheckoutLink(String sessionId, String url) {}
