package io.berth.activities.mail;

import io.berth.activities.dns.BindServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/** What the local BIND answers, asked as a resolver or a DKIM verifier would ask. */
final class BindAnswers {

  private BindAnswers() {}

  /** The records of the name and type in the answer of a plain query. */
  static List<Record> answer(String name, int type) throws IOException {
    SimpleResolver resolver =
        new SimpleResolver(new InetSocketAddress(BindServer.HOST, BindServer.port()));
    resolver.setTimeout(Duration.ofSeconds(5));
    Message reply =
        resolver.send(
            Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
    return reply.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
  }

  static List<String> rdata(String name, int type) throws IOException {
    return answer(name, type).stream().map(Record::rdataToString).toList();
  }

  /** Each TXT record at the name as one text, its character-strings joined (as DKIM reads it). */
  static List<String> txt(String name) throws IOException {
    return answer(name, Type.TXT).stream()
        .map(
            r ->
                ((TXTRecord) r)
                    .getStringsAsByteArrays().stream()
                        .map(s -> new String(s, StandardCharsets.US_ASCII))
                        .collect(Collectors.joining()))
        .toList();
  }

  /** The whole zone by AXFR, sorted. */
  static List<Record> axfr(String zone) throws Exception {
    ZoneTransferIn xfr =
        ZoneTransferIn.newAXFR(
            Name.fromString(zone + "."), BindServer.HOST, BindServer.port(), null);
    xfr.run();
    return xfr.getAXFR().stream().sorted().toList();
  }

  /** The {@code p=} tag of a DKIM key record. */
  static String publicKeyTag(String dkimText) {
    for (String tag : dkimText.split(";")) {
      String t = tag.strip();
      if (t.startsWith("p=")) {
        return t.substring(2).replaceAll("\\s", "");
      }
    }
    throw new AssertionError("no p= tag in " + dkimText);
  }
}
