package io.berth.persistence.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A forwarder: mail to {@code address} goes to each destination (one a line in {@code
 * destinations}). A catch-all has local part {@value #CATCH_ALL} and address {@code @<domain>}.
 */
@Table("mail_alias")
public record MailAlias(
    @Id Long id,
    Long customerId,
    Long mailDomainId,
    String localPart,
    String address,
    String destinations,
    Instant createdAt) {

  public static final String CATCH_ALL = "*";

  public static MailAlias of(
      long customerId, long mailDomainId, String localPart, String domain, List<String> targets) {
    String address = CATCH_ALL.equals(localPart) ? "@" + domain : localPart + "@" + domain;
    return new MailAlias(
        null,
        customerId,
        mailDomainId,
        localPart,
        address,
        String.join("\n", targets),
        Instant.now());
  }

  public List<String> destinationList() {
    return destinations.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public boolean isCatchAll() {
    return CATCH_ALL.equals(localPart);
  }
}
