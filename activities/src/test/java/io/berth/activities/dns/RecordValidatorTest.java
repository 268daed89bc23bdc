package io.berth.activities.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

class RecordValidatorTest {

  static final String ZONE = "example.test";
  static final String LONG_LABEL = "a".repeat(64);

  static Arguments bad(
      String zone,
      String name,
      String type,
      List<String> values,
      Set<RecordType> existing,
      String fragment) {
    return Arguments.of(zone, name, type, 300L, values, existing, fragment);
  }

  static Arguments bad(String name, String type, String value, String fragment) {
    return bad(ZONE, name, type, List.of(value), Set.of(), fragment);
  }

  static Arguments badTtl(long ttl, String fragment) {
    return Arguments.of(ZONE, "www", "A", ttl, List.of("192.0.2.1"), Set.of(), fragment);
  }

  /**
   * Bad inputs, each with the part of its message that says what to fix. BindDnsZonesIT sends every
   * one of them to a real BIND and checks that nothing changes there.
   */
  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad(LONG_LABEL, "A", "192.0.2.1", "at most 63"),
        bad((LONG_LABEL.substring(1) + ".").repeat(4) + "x", "A", "192.0.2.1", "at most 253"),
        bad("my_host", "A", "192.0.2.1", "underscores are only allowed in SRV and TXT"),
        bad("_sip._tcp", "CNAME", "sip.example.net", "underscores are only allowed"),
        bad("@", "CNAME", "target.example.net", "CNAME cannot be at the zone apex"),
        bad(
            ZONE,
            "www",
            "CNAME",
            List.of("a.example.net"),
            Set.of(RecordType.A),
            "CNAME cannot sit beside other data"),
        bad(
            ZONE,
            "www",
            "A",
            List.of("192.0.2.1"),
            Set.of(RecordType.CNAME),
            "has a CNAME: no other record can sit beside it"),
        bad(
            ZONE,
            "www",
            "CNAME",
            List.of("a.example.net", "b.example.net"),
            Set.of(),
            "only one CNAME target"),
        bad("@", "MX", "10 192.0.2.1", "MX target must be a host name, not an IP address"),
        bad("@", "MX", "10 2001:db8::1", "not an IP address"),
        bad("@", "MX", "mail.example.test", "needs 2 parts"),
        bad("@", "MX", "70000 mail.example.test", "MX preference '70000' must be a whole number"),
        bad("@", "MX", "10 mail", "must be a fully qualified name"),
        bad("_sip._tcp", "SRV", "10 5 5060 192.0.2.1", "SRV target must be a host name"),
        bad("sip", "SRV", "10 5 5060 sip.example.test", "SRV records belong at a name like"),
        bad("_sip._tcp", "SRV", "10 5 99999 sip.example.test", "SRV port '99999'"),
        bad("@", "TXT", "line1\nline2", "control character"),
        bad("@", "TXT", "x".repeat(4001), "the limit is 4000"),
        bad("@", "TXT", "caf\u00e9", "non-ASCII character"),
        bad("@", "CAA", "0 issuer \"letsencrypt.org\"", "CAA tag 'issuer' is not supported"),
        bad("@", "CAA", "0 issue \"not a domain\"", "must name a certificate authority"),
        bad("@", "CAA", "7 issue \"letsencrypt.org\"", "CAA flags must be 0"),
        bad("@", "CAA", "0 iodef \"ftp://x.test\"", "must be a mailto: or https: URL"),
        bad("@", "CAA", "0 issue", "needs three parts"),
        bad("b\u00fccher", "A", "192.0.2.1", "punycode, e.g. 'xn--bcher-kva'"),
        bad("a\nb", "A", "192.0.2.1", "control character"),
        bad("a;b", "A", "192.0.2.1", "contains ';'"),
        bad("a b", "A", "192.0.2.1", "contains a space"),
        bad("www.example.test.", "A", "192.0.2.1", "must be relative to the zone: write 'www'"),
        bad("a..b", "A", "192.0.2.1", "empty label"),
        bad("-www", "A", "192.0.2.1", "starts or ends with '-'"),
        bad("w*w", "A", "192.0.2.1", "wildcard may only be the whole first label"),
        bad("w{w}", "A", "192.0.2.1", "contains '{'"),
        bad("www", "A", "192.0.2.1; rm -rf /", "contains ';'"),
        bad("www", "A", "256.1.1.1", "not an IPv4 address"),
        bad("www", "A", "010.0.0.1", "without leading zeros"),
        bad("www", "A", "2001:db8::1", "use an AAAA record"),
        bad("www", "AAAA", "192.0.2.1", "use an A record"),
        bad("www", "AAAA", "2001:db8::zz", "not an IPv6 address"),
        bad("www", "A", "192.0.2.1\r\nevil", "control character"),
        bad("@", "NS", "ns1.other.test", "only for delegating a subdomain"),
        bad("sub", "NS", "192.0.2.53", "NS target must be a host name"),
        bad("www", "PTR", "x.example.test", "Record type 'PTR' is not supported"),
        bad(ZONE, "www", "A", List.of("192.0.2.1", "192.0.2.1"), Set.of(), "listed twice"),
        bad(ZONE, "www", "A", List.of(), Set.of(), "Give at least one value"),
        bad("ex ample.test", "www", "A", List.of("192.0.2.1"), Set.of(), "contains a space"),
        bad("test", "www", "A", List.of("192.0.2.1"), Set.of(), "needs at least two labels"),
        bad("example.test;\ninclude", "www", "A", List.of("192.0.2.1"), Set.of(), "Zone name"),
        bad("exa_mple.test", "www", "A", List.of("192.0.2.1"), Set.of(), "underscores"),
        bad("www", "CNAME", "a b.example.net", "contains a space"),
        // trailing junk
        bad("www", "A", "192.0.2.1 junk", "not an IPv4 address"),
        bad("@", "MX", "10 mail.example.test extra", "needs 2 parts"),
        bad("@", "CAA", "0 issue \"letsencrypt.org\" junk", "must not contain quotes"),
        bad("@", "TXT", "\"v=spf1 -all\" junk", "text outside quotes"),
        bad("@", "TXT", "\"a\"b\"", "right after a closing quote"),
        bad("@", "TXT", "\"unterminated", "opening quote without a closing one"),
        // TXT strings over 255 bytes that the customer did not leave to be split
        bad("@", "TXT", "\"" + "x".repeat(300) + "\"", "a quoted string holds at most 255"),
        bad(
            "@",
            "TXT",
            "\"" + "x".repeat(200) + "\" \"" + "y".repeat(256) + "\"",
            "TXT string 2 is 256 characters long"),
        bad("@", "TXT", "\"bell\\007\"", "only printable ASCII"),
        bad("@", "TXT", "\"\"", "TXT value is empty"),
        // targets
        bad("www", "CNAME", "b\u00fccher.example", "punycode, e.g. 'xn--bcher-kva.example'"),
        bad("@", "MX", "10 mail_server.example.test", "underscores are only allowed"),
        bad("www", "CNAME", LONG_LABEL + ".example.net", "at most 63"),
        bad("sub", "NS", "ns1", "must be a fully qualified name"),
        bad("@", "MX", "-5 mail.example.test", "MX preference '-5' must be a whole number"),
        bad("_sip._tcp", "SRV", "10 70000 5060 sip.example.test", "SRV weight '70000'"),
        // CAA
        bad("@", "CAA", "0 issuewild \"192.0.2.1\"", "must name a certificate authority"),
        bad("@", "CAA", "0 issue \"ca.test; bad param\"", "must look like key=value"),
        // names, zones and TTLs
        bad("*.*", "A", "192.0.2.1", "wildcard may only be the whole first label"),
        bad("www", "A", " ", "value is empty"),
        bad("b\u00fccher.test", "www", "A", List.of("192.0.2.1"), Set.of(), "punycode"),
        badTtl(0, "TTL 0 is out of range"),
        badTtl(604_801, "TTL 604801 is out of range"));
  }

  @Test
  void theTableIsLongEnoughAndEveryCaseIsDistinct() {
    List<List<Object>> cases = badInputs().map(a -> List.of(a.get())).toList();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(35).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "[{index}] {1} {2} {4} -> {6}")
  @MethodSource("badInputs")
  void rejectsWithAMessageThatSaysWhatToFix(
      String zone,
      String name,
      String type,
      long ttl,
      List<String> values,
      Set<RecordType> existing,
      String fragment) {
    assertThatThrownBy(
            () -> RecordValidator.records(zone, name, RecordType.of(type), ttl, values, existing))
        .isInstanceOf(PermanentException.class)
        .satisfies(
            e -> assertThat(((PermanentException) e).type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessageContaining(fragment);
  }

  @Test
  void rejectsTtlOutOfRange() {
    assertThatThrownBy(
            () ->
                RecordValidator.records(
                    ZONE, "www", RecordType.A, 5, List.of("192.0.2.1"), Set.of()))
        .hasMessageContaining("TTL 5 is out of range: use 60 to 604800 seconds");
  }

  static Stream<Arguments> goodInputs() {
    return Stream.of(
        Arguments.of("@", RecordType.A, List.of("192.0.2.1", "192.0.2.2")),
        Arguments.of("*", RecordType.A, List.of("192.0.2.1")),
        Arguments.of("WWW", RecordType.AAAA, List.of("2001:db8::10")),
        Arguments.of("www", RecordType.CNAME, List.of("example.test.")),
        Arguments.of("@", RecordType.MX, List.of("10 mail.example.test", "20 mx2.example.net.")),
        Arguments.of("_dmarc", RecordType.TXT, List.of("v=DMARC1; p=none")),
        Arguments.of("@", RecordType.TXT, List.of("\"v=spf1 -all\"")),
        Arguments.of("@", RecordType.TXT, List.of("\"v=DKIM1; k=rsa; \" \"p=MIIB\"")),
        Arguments.of("@", RecordType.TXT, List.of("\"say \\\"hi\\\" \\\\ \\065\"")),
        Arguments.of("@", RecordType.TXT, List.of("plain \"quotes\" and \\ stay")),
        Arguments.of("_sip._tcp", RecordType.SRV, List.of("10 5 5060 sip.example.test")),
        Arguments.of("_xmpp._tcp.chat", RecordType.SRV, List.of("0 0 0 .")),
        Arguments.of("@", RecordType.CAA, List.of("0 issue \"letsencrypt.org\"")),
        Arguments.of("@", RecordType.CAA, List.of("0 issuewild \";\"")),
        Arguments.of("@", RecordType.CAA, List.of("128 iodef \"mailto:sec@example.test\"")),
        Arguments.of(
            "@", RecordType.CAA, List.of("0 issue \"ca.test; accounturi=https://ca.test/1\"")),
        Arguments.of("sub", RecordType.NS, List.of("ns1.other.test", "ns2.other.test")),
        Arguments.of("xn--bcher-kva", RecordType.A, List.of("192.0.2.1")));
  }

  @ParameterizedTest(name = "[{index}] {0} {1} {2}")
  @MethodSource("goodInputs")
  void acceptsWhatARegistrarAccepts(String name, RecordType type, List<String> values) {
    List<Record> records = RecordValidator.records(ZONE, name, type, 300, values, Set.of(type));
    assertThat(records).hasSize(values.size());
    assertThat(records).allSatisfy(r -> assertThat(r.getType()).isEqualTo(type.code()));
  }

  @Test
  void readsQuotedTxtStringsAsCharacterStrings() {
    TXTRecord split =
        (TXTRecord)
            RecordValidator.records(
                    ZONE,
                    "@",
                    RecordType.TXT,
                    300,
                    List.of("\"v=DKIM1; \" \"say \\\"hi\\\" \\065\""),
                    Set.of())
                .get(0);
    assertThat(split.getStringsAsByteArrays())
        .extracting(String::new)
        .containsExactly("v=DKIM1; ", "say \"hi\" A");

    TXTRecord plain =
        (TXTRecord)
            RecordValidator.records(
                    ZONE, "@", RecordType.TXT, 300, List.of("a \"b\" \\c"), Set.of())
                .get(0);
    assertThat(plain.getStringsAsByteArrays())
        .extracting(String::new)
        .containsExactly("a \"b\" \\c");
  }

  @Test
  void validatesAHostNameForAProxyRoute() {
    assertThat(RecordValidator.hostname("www.example.test")).isEqualTo("www.example.test");
    assertThatThrownBy(() -> RecordValidator.hostname("WWW.example.test"))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("must be written as 'www.example.test'");
    assertThatThrownBy(() -> RecordValidator.hostname("example.test."))
        .hasMessageContaining("must be written as 'example.test'");
    assertThatThrownBy(() -> RecordValidator.hostname("a;b.test"))
        .hasMessageContaining("Host name");
    assertThatThrownBy(() -> RecordValidator.hostname("localhost"))
        .hasMessageContaining("needs at least two labels");
  }

  @Test
  void chunksLongTxtInsteadOfRefusing() {
    String value = "k=" + "x".repeat(600);
    List<Record> records =
        RecordValidator.records(
            ZONE, "dkim._domainkey", RecordType.TXT, 300, List.of(value), Set.of());
    TXTRecord txt = (TXTRecord) records.get(0);
    assertThat(txt.getStrings()).hasSize(3);
    assertThat(txt.getStringsAsByteArrays())
        .allSatisfy(b -> assertThat(b.length).isLessThanOrEqualTo(255));
    assertThat(String.join("", txt.getStrings())).isEqualTo(value);
  }
}
