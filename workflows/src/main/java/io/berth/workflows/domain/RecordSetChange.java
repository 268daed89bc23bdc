package io.berth.workflows.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One edit in the DNS editor: replace the record set {@code (name, type)} with {@code values}, or
 * delete it when {@code values} is empty.
 *
 * @param name owner relative to the zone: {@code "@"} for the apex, {@code www}, {@code _sip._tcp}
 * @param type A, AAAA, CNAME, MX, TXT, SRV, CAA or NS (case-insensitive)
 * @param ttl seconds
 * @param values presentation form, one record each ({@code "10 mail.example.test"})
 */
public record RecordSetChange(String name, String type, long ttl, List<String> values) {

  @JsonIgnore
  public boolean isDelete() {
    return values == null || values.isEmpty();
  }
}
