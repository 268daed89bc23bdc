package io.berth.workflows.site;

/** A reverse-proxy route: {@code <siteName>.<sites domain>} → {@code 127.0.0.1:<hostPort>}. */
public record RouteSpec(long siteId, String siteName, int hostPort) {}
