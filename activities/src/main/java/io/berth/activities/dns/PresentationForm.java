package io.berth.activities.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.stream.Collectors;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;

/**
 * The one text form in which Berth stores and shows a record's value, and which {@link
 * RecordValidator} reads back to the same record: addresses in their shortest form ({@code
 * 2001:db8::10}), target names absolute but without the trailing dot ({@code 10 mail.example.test};
 * the root stays {@code .}), every TXT string in quotes ({@code "v=spf1 -all"}, {@code "first part"
 * "second part"}), CAA as zone files print it ({@code 0 issue "letsencrypt.org"}).
 */
public final class PresentationForm {

  private PresentationForm() {}

  /** The record's value in presentation form. */
  public static String of(Record record) {
    if (record instanceof ARecord a) {
      return a.getAddress().getHostAddress();
    }
    if (record instanceof AAAARecord aaaa) {
      return ipv6(aaaa.getAddress());
    }
    if (record instanceof MXRecord mx) {
      return mx.getPriority() + " " + name(mx.getTarget());
    }
    if (record instanceof SRVRecord srv) {
      return srv.getPriority()
          + " "
          + srv.getWeight()
          + " "
          + srv.getPort()
          + " "
          + name(srv.getTarget());
    }
    if (record instanceof TXTRecord txt) {
      return txt.getStringsAsByteArrays().stream()
          .map(PresentationForm::quoted)
          .collect(Collectors.joining(" "));
    }
    if (record instanceof CNAMERecord cname) {
      return name(cname.getTarget());
    }
    if (record instanceof NSRecord ns) {
      return name(ns.getTarget());
    }
    return record.rdataToString();
  }

  /** One character-string in quotes; TXT values hold printable ASCII only. */
  private static String quoted(byte[] string) {
    StringBuilder out = new StringBuilder(string.length + 2).append('"');
    for (byte b : string) {
      if (b == '"' || b == '\\') {
        out.append('\\');
      }
      out.append((char) b);
    }
    return out.append('"').toString();
  }

  private static String name(Name name) {
    return name.equals(Name.root) ? "." : RecordValidator.display(name);
  }

  /** RFC 5952: lower case, no leading zeros, the longest run of zero groups as {@code ::}. */
  static String ipv6(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return "::ffff:" + address.getHostAddress();
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
