package io.berth.workflows.certificate;

import java.time.Instant;
import java.util.List;

/** A certificate the CA issued, as stored by the platform (row {@code certificateId}). */
public record IssuedCertificate(
    long certificateId,
    String serial,
    String issuer,
    List<String> names,
    Instant notBefore,
    Instant notAfter) {

  public IssuedCertificate {
    names = List.copyOf(names);
  }
}
