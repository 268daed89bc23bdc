package io.berth.workflows.host;

/**
 * Where a site runs: the Docker host (its worker polls {@code berth-host-<hostId>}) and the
 * loopback port its container publishes for the host's reverse proxy.
 */
public record Placement(String hostId, int hostPort) {}
