package io.berth.activities.dns;

import java.util.List;

/**
 * Port to the authoritative DNS server that holds customers' zones. Zone names are absolute without
 * the trailing dot ({@code example.test}); owner names are relative to the zone ({@code "@"} or
 * {@code ""} for the apex, {@code www}, {@code _sip._tcp}). Values are in presentation form, with
 * target names fully qualified ({@code "10 mail.example.test"}; a trailing dot is optional). Every
 * input is validated with {@link RecordValidator} before anything reaches the server; invalid input
 * throws {@link io.berth.activities.common.PermanentException} of type {@code INVALID_INPUT} with a
 * message that says what to fix.
 */
public interface DnsZones {

  /**
   * Creates the zone with its SOA and NS records (and glue when the name server lies inside the
   * zone). Idempotent: an existing zone is left as it is.
   */
  void createZone(String zone);

  /** Removes the zone with all its records. Idempotent: a missing zone is not an error. */
  void deleteZone(String zone);

  /** Whether the server serves the zone. */
  boolean zoneExists(String zone);

  /**
   * Replaces the record set {@code (name, type)} with {@code values} in one atomic UPDATE (delete
   * the set, add each record). Idempotent: repeating the call changes nothing, not even the SOA
   * serial.
   */
  void replaceRecordSet(String zone, String name, RecordType type, long ttl, List<String> values);

  /** Deletes the record set {@code (name, type)}. Idempotent: a missing set is not an error. */
  void deleteRecordSet(String zone, String name, RecordType type);

  /** The record set's values in presentation form, as the server answers; empty when none. */
  List<String> recordSet(String zone, String name, RecordType type);

  /** The zone's SOA serial. */
  long serial(String zone);
}
