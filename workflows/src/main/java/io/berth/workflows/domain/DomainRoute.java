package io.berth.workflows.domain;

import java.util.List;

/**
 * A reverse-proxy route for a customer's domain: every name in {@code hostnames} (the domain and
 * its {@code www.}) → {@code 127.0.0.1:<hostPort>}, the attached site's container. Lives beside the
 * site's own route, so the site keeps its platform hostname.
 */
public record DomainRoute(long domainId, long siteId, List<String> hostnames, int hostPort) {}
