package io.berth.workflows.domain;

/** Where a live site answers: its host and the port its container publishes on that host. */
public record SiteEndpoint(long siteId, String siteName, String hostId, int hostPort) {}
