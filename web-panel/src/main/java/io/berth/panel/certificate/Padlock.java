package io.berth.panel.certificate;

import java.time.Instant;
import java.util.List;

/**
 * The certificate a browser's padlock shows for the site, as stored when it was installed.
 *
 * @param renewsAt when the next renewal starts: the workflow's own schedule when it told us, else
 *     two thirds into the certificate's lifetime
 */
public record Padlock(
    String serial,
    String issuer,
    List<String> names,
    Instant notBefore,
    Instant notAfter,
    Instant renewsAt) {

  public Padlock {
    names = List.copyOf(names);
  }
}
