package io.berth.activities.dns;

import java.util.List;

/**
 * Port to public DNS as a resolver answers it, for checking where a customer's domain points. Every
 * call asks the resolver afresh: nothing is cached between calls. A name or record set that does
 * not exist is an empty answer; a resolver that cannot be reached or answers with an error throws
 * {@link DnsLookupException}, which is worth retrying.
 */
public interface DnsLookups {

  /**
   * The IPv4 addresses {@code name} resolves to, CNAMEs followed, e.g. {@code ["192.0.2.7"]}; empty
   * when the name or its A records do not exist.
   */
  List<String> addresses(String name);

  /** The IPv6 addresses {@code name} resolves to, as {@link #addresses}, in RFC 5952 form. */
  List<String> ipv6Addresses(String name);

  /**
   * The name servers of {@code zone} (its NS records), lower case without the trailing dot, e.g.
   * {@code ["ns1.berth.test"]}; empty when there are none.
   */
  List<String> nameServers(String zone);

  /**
   * The TXT values of {@code name}, each record's character strings joined into one value (as
   * ACME's DNS-01 and SPF read them); empty when there are none.
   */
  List<String> texts(String name);
}
