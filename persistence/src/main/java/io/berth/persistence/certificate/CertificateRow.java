package io.berth.persistence.certificate;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A certificate the CA issued for an order. The private key is the order's secret ({@link
 * AcmeOrderRow#keySecret()}); {@code installedAt} is set when nginx serves it.
 */
@Table("certificate")
public record CertificateRow(
    @Id Long id,
    String subject,
    Long orderId,
    String names,
    String serial,
    String issuer,
    Instant notBefore,
    Instant notAfter,
    String chainPem,
    Instant installedAt,
    Instant createdAt) {

  public List<String> nameList() {
    return AcmeOrderRow.splitNames(names);
  }
}
