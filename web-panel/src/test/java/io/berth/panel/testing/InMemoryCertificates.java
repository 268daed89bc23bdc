package io.berth.panel.testing;

import io.berth.persistence.certificate.CertificateRepository;
import io.berth.persistence.certificate.CertificateRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Issued certificates, as the worker's certificate activities store and install them. */
public class InMemoryCertificates extends InMemoryRepository<CertificateRow>
    implements CertificateRepository {

  @Override
  protected Long idOf(CertificateRow c) {
    return c.id();
  }

  @Override
  protected CertificateRow withId(CertificateRow c, long id) {
    return new CertificateRow(
        id,
        c.subject(),
        c.orderId(),
        c.names(),
        c.serial(),
        c.issuer(),
        c.notBefore(),
        c.notAfter(),
        c.chainPem(),
        c.installedAt(),
        c.createdAt());
  }

  @Override
  public Optional<CertificateRow> findByOrderId(long orderId) {
    return where(c -> c.orderId() != null && c.orderId() == orderId).stream().findFirst();
  }

  @Override
  public Optional<CertificateRow> findInstalled(String subject) {
    return where(
            c -> c.subject().equals(subject) && c.installedAt() != null,
            Comparator.comparing(CertificateRow::installedAt)
                .thenComparing(CertificateRow::id)
                .reversed())
        .stream()
        .findFirst();
  }

  @Override
  public int markInstalled(long id, Instant at) {
    CertificateRow row = findById(id).orElse(null);
    if (row == null || row.installedAt() != null) {
      return 0;
    }
    save(
        new CertificateRow(
            id,
            row.subject(),
            row.orderId(),
            row.names(),
            row.serial(),
            row.issuer(),
            row.notBefore(),
            row.notAfter(),
            row.chainPem(),
            at,
            row.createdAt()));
    return 1;
  }

  /** A certificate for these names, installed for the subject at {@code notBefore}. */
  public CertificateRow installed(
      String subject, List<String> names, String issuer, Instant notBefore, Instant notAfter) {
    return save(
        new CertificateRow(
            null,
            subject,
            count() + 1,
            String.join(" ", names.stream().sorted().toList()),
            "fa:ce:00:" + (count() + 1),
            issuer,
            notBefore,
            notAfter,
            "-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n",
            notBefore,
            notBefore));
  }
}
