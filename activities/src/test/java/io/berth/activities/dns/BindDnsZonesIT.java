package io.berth.activities.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;
import org.xbill.DNS.ZoneTransferIn;

/** {@link BindDnsZones} against the real BIND that infra/scripts/bind.sh starts. */
class BindDnsZonesIT {

  static final String HOST = BindServer.HOST;
  static int port;

  BindDnsZones zones;
  String zone;
  Name zoneName;

  @BeforeAll
  static void startBind() throws Exception {
    BindServer.ensureRunning();
    port = BindServer.port();
  }

  @BeforeEach
  void newZone() throws Exception {
    zones = BindServer.zones();
    zone = BindServer.newZoneName();
    zoneName = Name.fromString(zone + ".");
    zones.createZone(zone);
  }

  @AfterEach
  void dropZone() {
    zones.deleteZone(zone);
  }

  @Test
  void createsAndRemovesZones() throws Exception {
    assertThat(zones.zoneExists(zone)).isTrue();
    assertThat(answer(zoneName, Type.SOA)).hasSize(1);
    assertThat(answer(zoneName, Type.NS))
        .extracting(Record::rdataToString)
        .containsExactly("ns1.berth.test.");
    long serial = zones.serial(zone);
    zones.createZone(zone);
    assertThat(zones.serial(zone)).as("creating again changes nothing").isEqualTo(serial);

    zones.replaceRecordSet(zone, "www", RecordType.A, 300, List.of("192.0.2.7"));
    zones.deleteZone(zone);
    assertThat(zones.zoneExists(zone)).isFalse();
    assertThat(query(zoneName, Type.SOA).getRcode()).isEqualTo(Rcode.REFUSED);
    zones.deleteZone(zone);

    zones.createZone(zone);
    assertThat(answer(Name.fromString("www", zoneName), Type.A))
        .as("a re-created zone starts empty")
        .isEmpty();
  }

  @Test
  void unsignedUpdateIsRefusedAndChangesNothing() throws Exception {
    List<Record> before = axfr();
    Update update = new Update(zoneName);
    update.add(Name.fromString("evil", zoneName), Type.A, 300, "192.0.2.66");
    Message reply = resolver().send(update);
    assertThat(Rcode.string(reply.getRcode())).isEqualTo("REFUSED");
    assertThat(axfr()).isEqualTo(before);
  }

  @Test
  void wrongKeyUpdateIsRefusedAndChangesNothing() throws Exception {
    List<Record> before = axfr();
    byte[] secret = new byte[32];
    ThreadLocalRandom.current().nextBytes(secret);
    String wrong = Base64.getEncoder().encodeToString(secret);
    for (String keyName : List.of(BindDnsZones.KEY_NAME, "someone-else")) {
      Update update = new Update(zoneName);
      update.add(Name.fromString("evil", zoneName), Type.A, 300, "192.0.2.66");
      SimpleResolver resolver = resolver();
      resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, keyName, wrong));
      Message reply = resolver.send(update);
      assertThat(Rcode.string(reply.getRcode())).as(keyName).isEqualTo("NOTAUTH");
      assertThat(reply.isVerified()).isFalse();
    }
    assertThat(axfr()).isEqualTo(before);
  }

  @Test
  void sameReplaceTwiceGivesAnIdenticalZoneAndSerial() throws Exception {
    zones.replaceRecordSet(zone, "www", RecordType.A, 300, List.of("192.0.2.1", "192.0.2.2"));
    long serial = zones.serial(zone);
    List<Record> first = axfr();

    zones.replaceRecordSet(zone, "www", RecordType.A, 300, List.of("192.0.2.1", "192.0.2.2"));

    assertThat(zones.serial(zone)).isEqualTo(serial);
    assertThat(axfr()).isEqualTo(first);
    assertThat(answer(Name.fromString("www", zoneName), Type.A))
        .extracting(Record::rdataToString)
        .containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2");
  }

  @Test
  void serialIncreasesOnEveryChange() {
    long s0 = zones.serial(zone);
    zones.replaceRecordSet(zone, "www", RecordType.A, 300, List.of("192.0.2.1"));
    long s1 = zones.serial(zone);
    zones.replaceRecordSet(zone, "www", RecordType.A, 300, List.of("192.0.2.3"));
    long s2 = zones.serial(zone);
    zones.deleteRecordSet(zone, "www", RecordType.A);
    long s3 = zones.serial(zone);
    zones.deleteRecordSet(zone, "www", RecordType.A);
    assertThat(s1).isGreaterThan(s0);
    assertThat(s2).isGreaterThan(s1);
    assertThat(s3).isGreaterThan(s2);
    assertThat(zones.serial(zone)).as("deleting a missing set changes nothing").isEqualTo(s3);
  }

  @Test
  void everySupportedTypeRoundTrips() throws Exception {
    String longTxt = "v=DKIM1; k=rsa; p=" + "A".repeat(400);
    zones.replaceRecordSet(zone, "@", RecordType.A, 300, List.of("192.0.2.10"));
    zones.replaceRecordSet(zone, "@", RecordType.AAAA, 300, List.of("2001:db8::10"));
    zones.replaceRecordSet(zone, "mail", RecordType.A, 300, List.of("192.0.2.25"));
    zones.replaceRecordSet(zone, "www", RecordType.CNAME, 300, List.of(zone));
    zones.replaceRecordSet(
        zone, "@", RecordType.MX, 300, List.of("10 mail." + zone, "20 mx.example.net"));
    zones.replaceRecordSet(zone, "_dmarc", RecordType.TXT, 300, List.of("v=DMARC1; p=none"));
    zones.replaceRecordSet(zone, "k._domainkey", RecordType.TXT, 300, List.of(longTxt));
    zones.replaceRecordSet(
        zone, "_sip._tcp", RecordType.SRV, 300, List.of("10 5 5060 mail." + zone));
    zones.replaceRecordSet(zone, "@", RecordType.CAA, 300, List.of("0 issue \"letsencrypt.org\""));
    zones.replaceRecordSet(
        zone, "sub", RecordType.NS, 300, List.of("ns1.other.test", "ns2.other.test"));

    assertThat(rdata("@", Type.A)).containsExactly("192.0.2.10");
    assertThat(rdata("@", Type.AAAA)).containsExactly("2001:db8:0:0:0:0:0:10");
    assertThat(rdata("www", Type.CNAME)).containsExactly(zone + ".");
    assertThat(rdata("@", Type.MX))
        .containsExactlyInAnyOrder("10 mail." + zone + ".", "20 mx.example.net.");
    assertThat(rdata("_dmarc", Type.TXT)).containsExactly("\"v=DMARC1; p=none\"");
    Record dkim = answer(Name.fromString("k._domainkey", zoneName), Type.TXT).get(0);
    assertThat(String.join("", ((org.xbill.DNS.TXTRecord) dkim).getStrings())).isEqualTo(longTxt);
    assertThat(rdata("_sip._tcp", Type.SRV)).containsExactly("10 5 5060 mail." + zone + ".");
    assertThat(rdata("@", Type.CAA)).containsExactly("0 issue \"letsencrypt.org\"");
    Name sub = Name.fromString("sub", zoneName);
    assertThat(axfr())
        .filteredOn(r -> r.getType() == Type.NS && r.getName().equals(sub))
        .extracting(Record::rdataToString)
        .containsExactlyInAnyOrder("ns1.other.test.", "ns2.other.test.");
  }

  @Test
  void invalidInputChangesNothingOnTheServer() throws Exception {
    zones.replaceRecordSet(zone, "www", RecordType.A, 300, List.of("192.0.2.1"));
    long serial = zones.serial(zone);
    List<Record> before = axfr();

    assertThatThrownBy(
            () ->
                zones.replaceRecordSet(
                    zone, "www", RecordType.CNAME, 300, List.of("x.example.net")))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("cannot sit beside other data");
    assertThatThrownBy(
            () -> zones.replaceRecordSet(zone, "@", RecordType.MX, 300, List.of("10 192.0.2.1")))
        .hasMessageContaining("not an IP address");
    assertThatThrownBy(
            () ->
                zones.replaceRecordSet(zone, "@", RecordType.MX, 300, List.of("10 nomail." + zone)))
        .hasMessageContaining("nomail." + zone + " is inside this zone but has no address");
    assertThatThrownBy(
            () -> zones.replaceRecordSet(zone, "a;b", RecordType.A, 300, List.of("192.0.2.1")))
        .hasMessageContaining("contains ';'");
    assertThatThrownBy(
            () ->
                zones.replaceRecordSet(
                    zone, "www", RecordType.A, 300, List.of("192.0.2.1", "x\ny")))
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> zones.createZone("evil.test; }; zone \"x"))
        .hasMessageContaining("contains ';'");
    assertThatThrownBy(() -> zones.deleteZone("x\n" + zone)).isInstanceOf(PermanentException.class);

    assertThat(zones.serial(zone)).isEqualTo(serial);
    assertThat(axfr()).isEqualTo(before);
  }

  /**
   * Every bad input of {@link RecordValidatorTest}'s table, sent to the real server: each one is
   * refused with its message and leaves the zone exactly as it was. The table's zone {@code
   * example.test} stands for this test's zone; the records a case says exist are created first.
   */
  @ParameterizedTest(name = "[{index}] {1} {2} {4} -> {6}")
  @MethodSource("io.berth.activities.dns.RecordValidatorTest#badInputs")
  void everyBadInputOfTheValidationTableIsRefusedAndChangesNothing(
      String tableZone,
      String name,
      String type,
      long ttl,
      List<String> values,
      Set<RecordType> existing,
      String fragment)
      throws Exception {
    String target = tableZone.equals(RecordValidatorTest.ZONE) ? zone : tableZone;
    String owner = name.replace(RecordValidatorTest.ZONE, zone);
    for (RecordType present : existing) {
      zones.replaceRecordSet(
          zone,
          owner,
          present,
          300,
          List.of(present == RecordType.CNAME ? "target.example.net" : "192.0.2.1"));
    }
    long serial = zones.serial(zone);
    List<Record> before = axfr();

    assertThatThrownBy(
            () -> zones.replaceRecordSet(target, owner, RecordType.of(type), ttl, values))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageContaining(fragment);

    assertThat(zones.serial(zone)).isEqualTo(serial);
    assertThat(axfr()).isEqualTo(before);
  }

  private List<String> rdata(String name, int type) throws IOException {
    Name owner = name.equals("@") ? zoneName : Name.fromString(name, zoneName);
    return answer(owner, type).stream().map(Record::rdataToString).toList();
  }

  private static List<Record> answer(Name name, int type) throws IOException {
    Message reply = query(name, type);
    List<Record> out = new ArrayList<>();
    for (Record r : reply.getSection(Section.ANSWER)) {
      if (r.getType() == type) {
        out.add(r);
      }
    }
    return out;
  }

  private static Message query(Name name, int type) throws IOException {
    return resolver().send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
  }

  private List<Record> axfr() throws Exception {
    ZoneTransferIn xfr = ZoneTransferIn.newAXFR(zoneName, HOST, port, null);
    xfr.run();
    return xfr.getAXFR().stream().map(r -> r).sorted().toList();
  }

  private static SimpleResolver resolver() throws IOException {
    SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(HOST, port));
    resolver.setTCP(true);
    resolver.setTimeout(Duration.ofSeconds(5));
    return resolver;
  }
}
