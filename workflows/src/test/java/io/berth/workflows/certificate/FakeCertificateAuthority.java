package io.berth.workflows.certificate;

import io.temporal.activity.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Control-queue side of certificates for workflow tests: the names to certify, a CA that validates
 * or refuses on a switch, and the platform DB's record of what is installed.
 */
class FakeCertificateAuthority implements CertificateActivities {

  volatile CertificateTarget target;
  volatile Duration lifetime = Duration.ofDays(90);

  /** The reason the CA gives for refusing; null = validations pass. */
  volatile String refusal;

  volatile String refusalType;

  final AtomicInteger targetReads = new AtomicInteger();
  final List<List<String>> orders = new CopyOnWriteArrayList<>();
  final List<Long> validationTimes = new CopyOnWriteArrayList<>();
  final List<Long> dnsPublished = new CopyOnWriteArrayList<>();
  final List<Long> dnsWithdrawn = new CopyOnWriteArrayList<>();
  final List<Long> recordedInstalled = new CopyOnWriteArrayList<>();
  final Map<Long, IssuedCertificate> issued = new ConcurrentHashMap<>();
  private final Map<Long, List<String>> orderNames = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(100);

  @Override
  public CertificateTarget target(CertificateSubject subject) {
    targetReads.incrementAndGet();
    return target;
  }

  @Override
  public AcmeOrder placeOrder(CertificateSubject subject, CertificateTarget target) {
    long orderId = ids.incrementAndGet();
    orders.add(target.names());
    orderNames.put(orderId, target.names());
    List<AcmeChallenge> challenges =
        target.names().stream().map(name -> challenge(target.challenge(), name, orderId)).toList();
    return new AcmeOrder(orderId, target.names(), challenges);
  }

  private static AcmeChallenge challenge(ChallengeType type, String name, long orderId) {
    String bare = name.startsWith("*.") ? name.substring(2) : name;
    return type == ChallengeType.HTTP_01
        ? new AcmeChallenge(type, name, "token-" + orderId + "-" + name, "key-authorization")
        : new AcmeChallenge(type, name, "_acme-challenge." + bare, "digest-" + orderId);
  }

  @Override
  public void publishDnsChallenges(long orderId) {
    dnsPublished.add(orderId);
  }

  @Override
  public ValidationResult validate(long orderId) {
    validationTimes.add(now());
    String reason = refusal;
    return reason == null ? ValidationResult.ok() : ValidationResult.failed(reason, refusalType);
  }

  @Override
  public IssuedCertificate finalizeOrder(long orderId) {
    long certificateId = ids.incrementAndGet();
    Instant notBefore = Instant.ofEpochMilli(now());
    IssuedCertificate certificate =
        new IssuedCertificate(
            certificateId,
            "serial-" + certificateId,
            "Pebble Intermediate CA",
            orderNames.get(orderId),
            notBefore,
            notBefore.plus(lifetime));
    issued.put(certificateId, certificate);
    return certificate;
  }

  @Override
  public void withdrawDnsChallenges(long orderId) {
    dnsWithdrawn.add(orderId);
  }

  @Override
  public void recordInstalled(long certificateId) {
    recordedInstalled.add(certificateId);
  }

  /** The test server's clock, which time skipping moves. */
  private static long now() {
    return Activity.getExecutionContext().getInfo().getScheduledTimestamp();
  }
}
