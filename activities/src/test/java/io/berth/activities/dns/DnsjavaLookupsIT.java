package io.berth.activities.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

/** {@link DnsjavaLookups} asking the real BIND that bind.sh starts, as the DNS checks do in CI. */
class DnsjavaLookupsIT {

  private final BindDnsZones zones = BindServer.zones();
  private final DnsjavaLookups lookups =
      new DnsjavaLookups(
          new DnsjavaLookups.Settings(BindServer.HOST, BindServer.port(), Duration.ofSeconds(3)));
  private String zone;

  @BeforeAll
  static void startBind() throws Exception {
    BindServer.ensureRunning();
  }

  @BeforeEach
  void newZone() {
    zone = BindServer.newZoneName();
    zones.createZone(zone);
  }

  @AfterEach
  void dropZone() {
    zones.deleteZone(zone);
  }

  @Test
  void readsAddressesAndNameServers() {
    zones.replaceRecordSet(zone, "@", RecordType.A, 300, List.of("192.0.2.10", "192.0.2.11"));
    zones.replaceRecordSet(zone, "@", RecordType.AAAA, 300, List.of("2001:db8::10"));

    assertThat(lookups.addresses(zone)).containsExactlyInAnyOrder("192.0.2.10", "192.0.2.11");
    assertThat(lookups.addresses(zone.toUpperCase() + ".")).hasSize(2);
    assertThat(lookups.ipv6Addresses(zone)).containsExactly("2001:db8::10");
    assertThat(lookups.nameServers(zone)).containsExactly("ns1.berth.test");
  }

  @Test
  void readsTxtValues_eachRecordsChunksJoined() {
    String long300 = "v".repeat(300);
    zones.replaceRecordSet(
        zone, "_acme-challenge", RecordType.TXT, 60, List.of("first-digest", long300));

    assertThat(lookups.texts("_acme-challenge." + zone))
        .containsExactlyInAnyOrder("first-digest", long300);
    assertThat(lookups.texts("nothing-here." + zone)).isEmpty();
  }

  @Test
  void followsCnameChains() {
    zones.replaceRecordSet(zone, "@", RecordType.A, 300, List.of("192.0.2.10"));
    zones.replaceRecordSet(zone, "www", RecordType.CNAME, 300, List.of(zone));
    zones.replaceRecordSet(zone, "shop", RecordType.CNAME, 300, List.of("www." + zone));
    zones.replaceRecordSet(zone, "dangling", RecordType.CNAME, 300, List.of("gone." + zone));

    assertThat(lookups.addresses("www." + zone)).containsExactly("192.0.2.10");
    assertThat(lookups.addresses("shop." + zone)).containsExactly("192.0.2.10");
    assertThat(lookups.addresses("dangling." + zone)).isEmpty();
  }

  @Test
  void aMissingNameOrRecordSetIsAnEmptyAnswer() {
    zones.replaceRecordSet(zone, "txt-only", RecordType.TXT, 300, List.of("hello"));

    assertThat(lookups.addresses("nothing-here." + zone)).isEmpty();
    assertThat(lookups.addresses("txt-only." + zone)).isEmpty();
    assertThat(lookups.ipv6Addresses(zone)).isEmpty();
    assertThat(lookups.nameServers("txt-only." + zone)).isEmpty();
  }

  @Test
  void everyLookupAsksAfresh() {
    zones.replaceRecordSet(zone, "live", RecordType.A, 300, List.of("192.0.2.1"));
    assertThat(lookups.addresses("live." + zone)).containsExactly("192.0.2.1");

    zones.replaceRecordSet(zone, "live", RecordType.A, 300, List.of("192.0.2.2"));
    assertThat(lookups.addresses("live." + zone)).containsExactly("192.0.2.2");

    zones.deleteRecordSet(zone, "live", RecordType.A);
    assertThat(lookups.addresses("live." + zone)).isEmpty();
  }

  @Test
  void aRefusedQueryIsARetryableFailureThatSaysWhatTheResolverAnswered() {
    assertThatThrownBy(() -> lookups.addresses("not-served-" + zone))
        .isInstanceOfSatisfying(
            DnsLookupException.class,
            e -> {
              assertThat(e.resolverAnswered()).isTrue();
              assertThat(e.rcode()).isEqualTo("REFUSED");
            })
        .isNotInstanceOf(PermanentException.class)
        .hasMessageContaining("DNS resolver 127.0.0.1:" + BindServer.port())
        .hasMessageContaining("answered REFUSED for not-served-" + zone + " A");
  }

  @Test
  void aServerFailureIsARetryableFailure() throws Exception {
    try (RcodeResponder failing = new RcodeResponder(Rcode.SERVFAIL)) {
      DnsjavaLookups viaFailing =
          new DnsjavaLookups(
              new DnsjavaLookups.Settings("127.0.0.1", failing.port(), Duration.ofSeconds(2)));

      assertThatThrownBy(() -> viaFailing.nameServers("example.test"))
          .isInstanceOfSatisfying(
              DnsLookupException.class, e -> assertThat(e.rcode()).isEqualTo("SERVFAIL"))
          .hasMessage(
              "DNS resolver 127.0.0.1:"
                  + failing.port()
                  + " answered SERVFAIL for example.test NS");
    }
  }

  @Test
  void aResolverThatDoesNotAnswerIsARetryableFailure() throws Exception {
    int silent;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      silent = probe.getLocalPort();
    }
    DnsjavaLookups unreachable =
        new DnsjavaLookups(
            new DnsjavaLookups.Settings("127.0.0.1", silent, Duration.ofMillis(500)));

    assertThatThrownBy(() -> unreachable.addresses("example.test"))
        .isInstanceOfSatisfying(
            DnsLookupException.class, e -> assertThat(e.resolverAnswered()).isFalse())
        .hasMessageContaining("DNS resolver 127.0.0.1:" + silent + " did not answer")
        .hasMessageContaining("example.test A");
  }

  @Test
  void aNameThatIsNotOneIsRefusedForGood() {
    assertThatThrownBy(() -> lookups.addresses("a..b"))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageContaining("is not a domain name");
  }
}
