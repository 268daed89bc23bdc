package io.berth.persistence.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A record set of a hosted zone as last applied to the DNS server. {@code data} holds one value per
 * line in presentation form; {@code name} is relative to the zone, {@code "@"} for the apex.
 */
@Table("dns_record_set")
public record DnsRecordSetRow(
    @Id Long id,
    Long domainId,
    String name,
    String type,
    long ttl,
    String data,
    boolean managed,
    Instant updatedAt) {

  public List<String> values() {
    return data == null || data.isEmpty() ? List.of() : Arrays.asList(data.split("\n"));
  }

  public static String data(List<String> values) {
    return String.join("\n", values);
  }
}
