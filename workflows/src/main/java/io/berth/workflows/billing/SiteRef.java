package io.berth.workflows.billing;

/** A live site of a subscription, and the host whose queue serves its containers. */
public record SiteRef(long siteId, String hostId) {}
