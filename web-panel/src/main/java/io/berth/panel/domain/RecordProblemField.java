package io.berth.panel.domain;

/**
 * Which field of the DNS editor a refusal of the workflow is about. The activity's messages lead
 * with the part at fault ("TTL 5 is out of range…", "Record name 'a_b'…", "A CNAME cannot be at the
 * zone apex…"); anything else is about the values.
 */
final class RecordProblemField {

  static final String NAME = "name";
  static final String TYPE = "type";
  static final String TTL = "ttl";
  static final String VALUES = "values";

  private RecordProblemField() {}

  static String of(String message) {
    if (message == null) {
      return VALUES;
    }
    if (message.startsWith("TTL")) {
      return TTL;
    }
    if (message.startsWith("Choose a record type")) {
      return TYPE;
    }
    if (message.startsWith("Record name")
        || message.startsWith("Name '")
        || message.startsWith("SRV records belong at a name")
        || message.contains("cannot be at the zone apex")
        || message.contains("cannot sit beside other data")
        || message.contains("no other record can sit beside it")) {
      return NAME;
    }
    return VALUES;
  }
}
