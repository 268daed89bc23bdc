package io.berth.workflows.domain;

import java.util.List;

/**
 * A record set of a hosted zone as stored and served.
 *
 * @param name owner relative to the zone, {@code "@"} for the apex
 * @param type upper case, e.g. {@code MX}
 * @param values normalised presentation form
 * @param managed created by the platform (the domain's default records)
 */
public record DnsRecordSet(
    String name, String type, long ttl, List<String> values, boolean managed) {}
