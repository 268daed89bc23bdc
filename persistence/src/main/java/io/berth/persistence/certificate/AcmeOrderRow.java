package io.berth.persistence.certificate;

import io.berth.persistence.secret.SecretNames;
import io.berth.workflows.certificate.ChallengeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An ACME order of a certificate subject ({@code site-<id>} or {@code platform}). Its key pair is
 * the secret {@link #keySecret()}; {@code names} are sorted and space-separated.
 */
@Table("acme_order")
public record AcmeOrderRow(
    @Id Long id,
    String subject,
    String names,
    ChallengeType challenge,
    String orderUrl,
    Status status,
    String failure,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt) {

  public enum Status {
    PENDING,
    VALID,
    INVALID
  }

  public static AcmeOrderRow pending(String subject, List<String> names, ChallengeType challenge) {
    Instant now = Instant.now();
    return new AcmeOrderRow(
        null, subject, joinNames(names), challenge, null, Status.PENDING, null, null, now, now);
  }

  public List<String> nameList() {
    return splitNames(names);
  }

  public String keySecret() {
    return SecretNames.acmeOrderKey(id);
  }

  public static String joinNames(List<String> names) {
    return String.join(" ", names.stream().sorted().toList());
  }

  public static List<String> splitNames(String names) {
    return names == null || names.isBlank() ? List.of() : Arrays.asList(names.split(" "));
  }
}
