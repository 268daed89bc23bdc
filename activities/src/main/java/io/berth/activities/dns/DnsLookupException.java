package io.berth.activities.dns;

/**
 * A DNS lookup got no usable answer: the resolver did not answer in time, could not be reached, or
 * answered with an error such as {@code SERVFAIL}. Not a {@link
 * io.berth.activities.common.PermanentException}: asking again later may succeed.
 */
public class DnsLookupException extends RuntimeException {

  private final String rcode;

  DnsLookupException(String message, String rcode, Throwable cause) {
    super(message, cause);
    this.rcode = rcode;
  }

  /**
   * The error code the resolver answered with, e.g. {@code SERVFAIL} or {@code REFUSED}; null when
   * it gave no answer at all.
   */
  public String rcode() {
    return rcode;
  }

  /** Whether the resolver answered (with an error), as opposed to not answering at all. */
  public boolean resolverAnswered() {
    return rcode != null;
  }
}
