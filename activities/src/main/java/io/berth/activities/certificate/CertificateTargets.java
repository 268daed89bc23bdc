package io.berth.activities.certificate;

import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateTarget;
import io.berth.workflows.certificate.ChallengeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which names a subject's certificate covers now, read from the platform DB.
 *
 * <ul>
 *   <li>A site: its customer domains whose DNS points here ({@code ACTIVE}), each with its {@code
 *       www.} name, on the site's host, checked with HTTP-01. No names when the site is gone
 *       (cancelled, failed) or not placed; its host is still named so the certificate is taken out
 *       there.
 *   <li>The platform: {@code *.<sites domain>} and the sites domain itself, with DNS-01 on Berth's
 *       own DNS, served by {@code berth.certificates.platform.host-id} or else the first host (by
 *       id) whose worker is online. With several hosts each one serves sites, so in production set
 *       the host id per worker or give every host the same wildcard (a follow-up).
 * </ul>
 */
final class CertificateTargets {

  private final JdbcClient jdbc;
  private final String sitesDomain;
  private final String platformHostId;
  private final Duration hostTimeout;

  CertificateTargets(
      JdbcClient jdbc, String sitesDomain, String platformHostId, Duration hostTimeout) {
    this.jdbc = jdbc;
    this.sitesDomain = sitesDomain.toLowerCase(Locale.ROOT);
    this.platformHostId = platformHostId;
    this.hostTimeout = hostTimeout;
  }

  CertificateTarget of(CertificateSubject subject) {
    return subject.isPlatform() ? platform() : site(subject.siteId());
  }

  private CertificateTarget site(long siteId) {
    Optional<SitePlacement> site =
        jdbc.sql("SELECT host_id, status FROM site WHERE id = :id AND host_id IS NOT NULL")
            .param("id", siteId)
            .query(
                (rs, n) ->
                    new SitePlacement(
                        rs.getString("host_id"),
                        !List.of("CANCELLED", "FAILED", "DELETED")
                            .contains(rs.getString("status"))))
            .optional();
    if (site.isEmpty()) {
      return new CertificateTarget(null, List.of(), ChallengeType.HTTP_01);
    }
    Optional<String> host = Optional.of(site.get().hostId());
    if (!site.get().live()) {
      // Nothing to certify, but the host is named so that the certificate is taken out there.
      return new CertificateTarget(host.get(), List.of(), ChallengeType.HTTP_01);
    }
    List<String> domains =
        jdbc.sql("SELECT name FROM domain WHERE site_id = :id AND status = 'ACTIVE'")
            .param("id", siteId)
            .query(String.class)
            .list();
    List<String> names = new ArrayList<>();
    for (String domain : domains) {
      String name = domain.toLowerCase(Locale.ROOT);
      names.add(name);
      names.add("www." + name);
    }
    return new CertificateTarget(
        host.get(), names.stream().distinct().sorted().toList(), ChallengeType.HTTP_01);
  }

  private record SitePlacement(String hostId, boolean live) {}

  private CertificateTarget platform() {
    String host =
        platformHostId != null && !platformHostId.isBlank() ? platformHostId : firstHost();
    return new CertificateTarget(
        host,
        List.of("*." + sitesDomain, sitesDomain).stream().sorted().toList(),
        ChallengeType.DNS_01);
  }

  private String firstHost() {
    Optional<String> online =
        jdbc.sql(
                "SELECT id FROM host WHERE last_seen > now() - make_interval(secs => :timeout)"
                    + " ORDER BY id LIMIT 1")
            .param("timeout", (double) hostTimeout.toSeconds())
            .query(String.class)
            .optional();
    return online
        .or(
            () ->
                jdbc.sql("SELECT id FROM host ORDER BY last_seen DESC LIMIT 1")
                    .query(String.class)
                    .optional())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No worker host has registered yet to serve the platform's certificate"));
  }
}
