package io.berth.activities.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Record;

class PresentationFormTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "A     | 192.0.2.1                      | 192.0.2.1",
        "AAAA  | 2001:DB8:0:0:0:0:0:10          | 2001:db8::10",
        "AAAA  | 2001:db8:0:1:0:0:0:0           | 2001:db8:0:1::",
        "AAAA  | 2001:db8:0:0:1:0:0:1           | 2001:db8::1:0:0:1",
        "AAAA  | ::1                            | ::1",
        "CNAME | Example.Test.                  | example.test",
        "MX    | 10 Mail.example.test.          | 10 mail.example.test",
        "SRV   | 0 0 0 .                        | 0 0 0 .",
        "SRV   | 10 5 5060 sip.example.test     | 10 5 5060 sip.example.test",
        "TXT   | v=spf1 -all                    | \"v=spf1 -all\"",
        "TXT   | say \"hi\"                     | \"say \\\"hi\\\"\"",
        "CAA   | 0 issue letsencrypt.org        | 0 issue \"letsencrypt.org\"",
      })
  void printsTheOneStoredForm(String type, String value, String expected) {
    String name = type.equals("SRV") ? "_sip._tcp" : type.equals("CNAME") ? "www" : "@";
    Record record =
        RecordValidator.records(
                "example.test", name, RecordType.of(type), 300, List.of(value), Set.of())
            .get(0);

    assertThat(PresentationForm.of(record)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0} {1} {2}")
  @MethodSource("io.berth.activities.dns.RecordValidatorTest#goodInputs")
  void theStoredFormReadsBackToTheSameRecords(String name, RecordType type, List<String> values) {
    List<Record> records =
        RecordValidator.records("example.test", name, type, 300, values, Set.of());
    List<String> stored = records.stream().map(PresentationForm::of).toList();

    List<Record> again = RecordValidator.records("example.test", name, type, 300, stored, Set.of());

    assertThat(again).isEqualTo(records);
    assertThat(again.stream().map(PresentationForm::of).toList()).isEqualTo(stored);
  }
}
