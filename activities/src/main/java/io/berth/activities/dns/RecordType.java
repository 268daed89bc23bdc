package io.berth.activities.dns;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.xbill.DNS.Type;

/** The record types a customer may edit. NS is allowed for subdomains (delegations) only. */
public enum RecordType {
  A(Type.A),
  AAAA(Type.AAAA),
  CNAME(Type.CNAME),
  MX(Type.MX),
  TXT(Type.TXT),
  SRV(Type.SRV),
  CAA(Type.CAA),
  NS(Type.NS);

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  /** The numeric DNS type. */
  public int code() {
    return code;
  }

  /** Parses a type as a user typed it, e.g. {@code "mx"}. */
  public static RecordType of(String text) {
    String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    for (RecordType type : values()) {
      if (type.name().equals(upper)) {
        return type;
      }
    }
    throw new PermanentException(
        FailureType.INVALID_INPUT,
        "Record type '"
            + RecordValidator.printable(text)
            + "' is not supported: use one of "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
            + ".");
  }
}
