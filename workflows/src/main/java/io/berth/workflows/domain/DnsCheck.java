package io.berth.workflows.domain;

/**
 * The outcome of one look at public DNS for a domain.
 *
 * @param seen whether DNS points here (hosted: delegated to Berth's name servers; external: the
 *     domain resolves to the expected address)
 * @param found what the resolver answered, e.g. {@code "192.0.2.7"} or {@code "no A record"}
 * @param expected what Berth needs to see, e.g. {@code "127.0.0.1"}
 */
public record DnsCheck(boolean seen, String found, String expected) {}
