package io.berth.panel.domain;

/**
 * A record a customer with external DNS creates at their DNS provider, in zone-file words: {@code
 * www.example.test CNAME example.test.}.
 *
 * @param name the full name, without a trailing dot
 * @param type A, AAAA or CNAME
 * @param value the address or (with a trailing dot) the target name
 */
record RequiredRecord(String name, String type, String value) {

  /** The record as one line of a zone file. */
  String line() {
    return name + " " + type + " " + value;
  }
}
