package io.berth.persistence.mail;

import io.berth.persistence.secret.SecretNames;
import io.berth.workflows.mail.MailDomainStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Email turned on for one of a customer's domains. The DKIM private key is the secret {@link
 * #dkimKeySecret()}; the public key (base64 SubjectPublicKeyInfo) is a column, published as {@code
 * <dkimSelector>._domainkey.<name>}.
 */
@Table("mail_domain")
public record MailDomain(
    @Id Long id,
    Long customerId,
    Long domainId,
    String name,
    MailDomainStatus status,
    String dkimSelector,
    String dkimPublicKey,
    String reason,
    Instant createdAt,
    Instant updatedAt) {

  public static final String DEFAULT_SELECTOR = "berth";

  /** Email just turned on, before its workflow has run. */
  public static MailDomain creating(long customerId, long domainId, String name) {
    Instant now = Instant.now();
    return new MailDomain(
        null,
        customerId,
        domainId,
        name,
        MailDomainStatus.CREATING,
        DEFAULT_SELECTOR,
        null,
        null,
        now,
        now);
  }

  public String dkimKeySecret() {
    return SecretNames.dkimKey(id);
  }
}
