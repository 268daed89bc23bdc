package io.berth.workflows.certificate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What to certify now: the names (sorted, lowercase; empty when there is nothing to certify), the
 * host whose nginx serves them and the challenge the CA will use.
 */
public record CertificateTarget(String hostId, List<String> names, ChallengeType challenge) {

  public CertificateTarget {
    names = names == null ? List.of() : List.copyOf(names);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return names.isEmpty();
  }
}
