package io.berth.activities.certificate;

import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.DnsLookups;
import io.berth.activities.dns.DnsZones;
import io.berth.persistence.certificate.AcmeOrderRepository;
import io.berth.persistence.certificate.AcmeOrderRow;
import io.berth.persistence.certificate.CertificateRepository;
import io.berth.persistence.certificate.CertificateRow;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.certificate.AcmeChallenge;
import io.berth.workflows.certificate.AcmeOrder;
import io.berth.workflows.certificate.CertificateActivities;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateTarget;
import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.certificate.IssuedCertificate;
import io.berth.workflows.certificate.ValidationResult;
import io.berth.workflows.common.FailureType;
import java.security.KeyPair;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Certificates on {@code berth-control}: the CA through {@link CertificateAuthority}, DNS-01
 * records on Berth's DNS, orders and certificates in the platform DB.
 *
 * <p>Every step survives being repeated. An order's row is inserted first (its id names the key
 * secret), the key is stored encrypted before the CA sees the order, and the CA's order URL is
 * stored before the activity returns; a retried {@link #placeOrder} finds that row and asks the CA
 * about the same order, placing a new one only when the CA says the old one is dead. {@link
 * #finalizeOrder} returns the certificate already stored for the order, and the unique {@code
 * order_id} makes two racing finalizations store one row.
 */
@Component("certificateActivities")
public class CertificateActivitiesImpl implements CertificateActivities {

  /** Width of {@code acme_order.failure}. */
  static final int MAX_FAILURE = 2000;

  private final AcmeOrderRepository orders;
  private final CertificateRepository certificates;
  private final SecretStore secrets;
  private final CertificateAuthority ca;
  private final JdbcClient jdbc;
  private final CertificateTargets targets;
  private final DnsChallenges dns;

  @Autowired
  public CertificateActivitiesImpl(
      AcmeOrderRepository orders,
      CertificateRepository certificates,
      SecretStore secrets,
      CertificateAuthority ca,
      JdbcClient jdbc,
      DnsZones zones,
      DnsLookups lookups,
      AcmeConfig.CertificateProperties properties,
      @Value("${berth.sites.domain:berth.localhost}") String sitesDomain,
      @Value("${berth.host.timeout:90s}") Duration hostTimeout) {
    this(
        orders,
        certificates,
        secrets,
        ca,
        jdbc,
        new CertificateTargets(jdbc, sitesDomain, properties.platform().hostId(), hostTimeout),
        new DnsChallenges(zones, lookups, sitesDomain, properties.dnsTtl(), properties.dnsWait()));
  }

  CertificateActivitiesImpl(
      AcmeOrderRepository orders,
      CertificateRepository certificates,
      SecretStore secrets,
      CertificateAuthority ca,
      JdbcClient jdbc,
      CertificateTargets targets,
      DnsChallenges dns) {
    this.orders = orders;
    this.certificates = certificates;
    this.secrets = secrets;
    this.ca = ca;
    this.jdbc = jdbc;
    this.targets = targets;
    this.dns = dns;
  }

  @Override
  public CertificateTarget target(CertificateSubject subject) {
    return targets.of(subject);
  }

  @Override
  public AcmeOrder placeOrder(CertificateSubject subject, CertificateTarget target) {
    List<String> names =
        target.names().stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    if (names.isEmpty()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, "There are no names to order a certificate for.");
    }
    Optional<AcmeOrderRow> open = orders.findOpen(subject.key(), AcmeOrderRow.joinNames(names));
    if (open.isPresent()) {
      AcmeOrderRow row = open.get();
      if (row.orderUrl() == null) {
        return create(row, names);
      }
      Optional<CaOrder> atCa = ca.order(row.orderUrl(), row.challenge());
      if (atCa.isPresent() && atCa.get().usable()) {
        storeExpiry(row.id(), atCa.get().expires());
        return new AcmeOrder(row.id(), names, inNameOrder(atCa.get().challenges()));
      }
      markInvalid(
          row.id(),
          "The CA's order expired or failed before it was finished; a new one was placed");
    }
    AcmeOrderRow row = orders.save(AcmeOrderRow.pending(subject.key(), names, target.challenge()));
    return create(row, names);
  }

  /**
   * Key first (so a crash never leaves an order without one), then the CA's order, then its URL.
   */
  private AcmeOrder create(AcmeOrderRow row, List<String> names) {
    secrets.getOrCreate(row.keySecret(), PemKeys::generatePem);
    CaOrder order = ca.newOrder(names, row.challenge());
    jdbc.sql(
            "UPDATE acme_order SET order_url = :url, expires_at = :expires, updated_at = now()"
                + " WHERE id = :id")
        .param("url", order.url())
        .param("expires", timestamp(order.expires()), Types.TIMESTAMP)
        .param("id", row.id())
        .update();
    return new AcmeOrder(row.id(), names, inNameOrder(order.challenges()));
  }

  @Override
  public void publishDnsChallenges(long orderId) {
    AcmeOrderRow row = row(orderId);
    if (row.challenge() != ChallengeType.DNS_01
        || row.status() != AcmeOrderRow.Status.PENDING
        || row.orderUrl() == null) {
      return;
    }
    ca.order(row.orderUrl(), ChallengeType.DNS_01)
        .filter(CaOrder::usable)
        .ifPresent(order -> dns.publish(order.challenges()));
  }

  @Override
  public ValidationResult validate(long orderId) {
    AcmeOrderRow row = row(orderId);
    if (row.status() == AcmeOrderRow.Status.VALID) {
      return ValidationResult.ok();
    }
    if (row.status() == AcmeOrderRow.Status.INVALID) {
      return ValidationResult.failed(row.failure(), null);
    }
    ValidationResult result =
        ca.validate(placed(row), row.challenge(), ActivityHeartbeat.current());
    if (!result.valid()) {
      markInvalid(orderId, result.reason());
    }
    return result;
  }

  @Override
  public IssuedCertificate finalizeOrder(long orderId) {
    Optional<CertificateRow> stored = certificates.findByOrderId(orderId);
    if (stored.isPresent()) {
      return issued(stored.get());
    }
    AcmeOrderRow row = row(orderId);
    KeyPair key =
        PemKeys.fromPem(
            secrets
                .read(row.keySecret())
                .orElseThrow(
                    () ->
                        new PermanentException(
                            FailureType.NOT_FOUND,
                            "The key of certificate order " + orderId + " is missing.")));
    IssuedChain chain = IssuedChain.of(ca.issue(placed(row), key, ActivityHeartbeat.current()));
    CertificateRow saved;
    try {
      saved =
          certificates.save(
              new CertificateRow(
                  null,
                  row.subject(),
                  orderId,
                  AcmeOrderRow.joinNames(chain.names()),
                  chain.serial(),
                  chain.issuer(),
                  chain.notBefore(),
                  chain.notAfter(),
                  chain.pem(),
                  null,
                  Instant.now()));
    } catch (DuplicateKeyException concurrentFinalize) {
      saved = certificates.findByOrderId(orderId).orElseThrow(() -> concurrentFinalize);
    }
    jdbc.sql(
            "UPDATE acme_order SET status = 'VALID', failure = NULL, updated_at = now()"
                + " WHERE id = :id")
        .param("id", orderId)
        .update();
    return issued(saved);
  }

  @Override
  public void withdrawDnsChallenges(long orderId) {
    Optional<AcmeOrderRow> row = orders.findById(orderId);
    if (row.isPresent() && row.get().challenge() == ChallengeType.DNS_01) {
      dns.withdraw(row.get().nameList());
    }
  }

  @Override
  public void recordInstalled(long certificateId) {
    certificates.markInstalled(certificateId, Instant.now());
  }

  private AcmeOrderRow row(long orderId) {
    return orders
        .findById(orderId)
        .orElseThrow(
            () ->
                new PermanentException(
                    FailureType.NOT_FOUND, "Certificate order " + orderId + " does not exist."));
  }

  private static String placed(AcmeOrderRow row) {
    if (row.orderUrl() == null) {
      throw new PermanentException(
          FailureType.CONFLICT,
          "Certificate order " + row.id() + " was never placed at the CA; place it again.");
    }
    return row.orderUrl();
  }

  private void markInvalid(long orderId, String failure) {
    String text = failure == null ? "The CA did not validate the order" : failure;
    jdbc.sql(
            "UPDATE acme_order SET status = 'INVALID', failure = :failure, updated_at = now()"
                + " WHERE id = :id AND status = 'PENDING'")
        .param(
            "failure",
            text.length() > MAX_FAILURE ? text.substring(0, MAX_FAILURE - 1) + "…" : text)
        .param("id", orderId)
        .update();
  }

  private void storeExpiry(long orderId, Instant expires) {
    if (expires != null) {
      jdbc.sql("UPDATE acme_order SET expires_at = :expires, updated_at = now() WHERE id = :id")
          .param("expires", timestamp(expires))
          .param("id", orderId)
          .update();
    }
  }

  private static java.sql.Timestamp timestamp(Instant instant) {
    return instant == null ? null : java.sql.Timestamp.from(instant);
  }

  private static IssuedCertificate issued(CertificateRow row) {
    return new IssuedCertificate(
        row.id(), row.serial(), row.issuer(), row.nameList(), row.notBefore(), row.notAfter());
  }

  /** The CA lists authorizations in no fixed order; a resumed order answers the same list. */
  private static List<AcmeChallenge> inNameOrder(List<AcmeChallenge> challenges) {
    return challenges.stream()
        .sorted(
            Comparator.comparing(AcmeChallenge::identifier)
                .thenComparing(c -> c.type().name())
                .thenComparing(AcmeChallenge::name))
        .toList();
  }
}
