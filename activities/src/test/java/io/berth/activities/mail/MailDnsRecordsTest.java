package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.berth.activities.dns.RecordType;
import io.berth.activities.dns.RecordValidator;
import io.berth.workflows.mail.MailDnsRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.TXTRecord;

class MailDnsRecordsTest {

  private static final MailProperties MAIL =
      new MailProperties(
          null,
          "mail.berth.localhost",
          3600,
          "v=spf1 mx -all",
          "v=DMARC1; p=none",
          Duration.ofSeconds(30));

  @Test
  void theFourRecords_MxSpfDkimDmarc() {
    String key = DkimKeys.publicKeyOf(DkimKeys.generatePem());

    List<MailDnsRecord> records = MailDnsRecords.of(MAIL, "berth", key);

    assertThat(records)
        .extracting(MailDnsRecord::name, MailDnsRecord::type, MailDnsRecord::ttl)
        .containsExactly(
            tuple("@", "MX", 3600L),
            tuple("@", "TXT", 3600L),
            tuple("berth._domainkey", "TXT", 3600L),
            tuple("_dmarc", "TXT", 3600L));
    assertThat(records.get(0).values()).containsExactly("10 mail.berth.localhost.");
    assertThat(records.get(1).values()).containsExactly("\"v=spf1 mx -all\"");
    assertThat(records.get(3).values()).containsExactly("\"v=DMARC1; p=none\"");
    String dkim = records.get(2).values().get(0);
    assertThat(dkim).startsWith("\"v=DKIM1; k=rsa; p=MIIB");
    assertThat(TxtChunks.text(dkim)).isEqualTo("v=DKIM1; k=rsa; p=" + key);
  }

  @Test
  void eachRecordIsOneTheDnsEditorAccepts_andResolversJoinTheDkimChunksToTheKey() {
    String key = DkimKeys.publicKeyOf(DkimKeys.generatePem());

    for (MailDnsRecord record : MailDnsRecords.of(MAIL, "berth", key)) {
      var built =
          RecordValidator.records(
              "example.test",
              record.name(),
              RecordType.of(record.type()),
              record.ttl(),
              record.values(),
              Set.of());
      assertThat(built).hasSize(1);
      if (built.get(0) instanceof MXRecord mx) {
        assertThat(mx.getTarget().toString()).isEqualTo("mail.berth.localhost.");
        assertThat(mx.getPriority()).isEqualTo(10);
      }
      if (record.name().equals("berth._domainkey")) {
        List<byte[]> strings = ((TXTRecord) built.get(0)).getStringsAsByteArrays();
        assertThat(strings).hasSize(2);
        assertThat(strings).allSatisfy(s -> assertThat(s.length).isLessThanOrEqualTo(255));
        assertThat(
                strings.stream()
                    .map(s -> new String(s, StandardCharsets.US_ASCII))
                    .collect(Collectors.joining()))
            .isEqualTo("v=DKIM1; k=rsa; p=" + key);
      }
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "v=spf1 mx -all                      | true",
        "V=SPF1 include:_spf.example.com ~all | true",
        "v=spf1                              | true",
        "v=spf10 -all                        | false",
        "google-site-verification=abc        | false",
        "v=DMARC1; p=none                    | false",
      })
  void anSpfValueIsOneThatStartsWithTheSpfVersion(String text, boolean spf) {
    assertThat(MailDnsRecords.isSpf(text)).isEqualTo(spf);
  }
}
