package io.berth.activities.dns;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link DnsLookups} with dnsjava's {@link SimpleResolver} against one configured resolver (in
 * development and tests the local BIND). Each lookup is a fresh query, so a check never sees a
 * cached answer; CNAME chains are followed, within the answer a recursive resolver gives and by
 * asking again for the chain's end otherwise.
 */
public final class DnsjavaLookups implements DnsLookups {

  /** Settings; see {@link DnsConfig.DnsResolverProperties}. */
  public record Settings(String host, int port, Duration timeout) {}

  static final int MAX_CNAMES = 8;

  private final Settings settings;

  public DnsjavaLookups(Settings settings) {
    this.settings = settings;
  }

  Settings settings() {
    return settings;
  }

  @Override
  public List<String> addresses(String name) {
    return lookup(name, Type.A).stream()
        .map(r -> ((ARecord) r).getAddress().getHostAddress())
        .toList();
  }

  @Override
  public List<String> ipv6Addresses(String name) {
    return lookup(name, Type.AAAA).stream()
        .map(r -> PresentationForm.ipv6(((AAAARecord) r).getAddress()))
        .toList();
  }

  @Override
  public List<String> nameServers(String zone) {
    return lookup(zone, Type.NS).stream()
        .map(r -> RecordValidator.display(((NSRecord) r).getTarget()).toLowerCase(Locale.ROOT))
        .toList();
  }

  @Override
  public List<String> texts(String name) {
    return lookup(name, Type.TXT).stream()
        .map(r -> String.join("", ((TXTRecord) r).getStrings()))
        .toList();
  }

  private List<Record> lookup(String text, int type) {
    Name name = absolute(text);
    Set<Name> visited = new HashSet<>();
    for (int hop = 0; hop <= MAX_CNAMES; hop++) {
      visited.add(name);
      Message answer = ask(name, type);
      int rcode = answer.getRcode();
      if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
        throw new DnsLookupException(
            resolver()
                + " answered "
                + Rcode.string(rcode)
                + " for "
                + RecordValidator.display(name)
                + " "
                + Type.string(type),
            Rcode.string(rcode),
            null);
      }
      List<Record> section = answer.getSection(Section.ANSWER);
      Name current = name;
      while (true) {
        List<Record> found = new ArrayList<>();
        for (Record record : section) {
          if (record.getType() == type && record.getName().equals(current)) {
            found.add(record);
          }
        }
        if (!found.isEmpty()) {
          return found;
        }
        Name next = cnameTarget(section, current);
        if (next == null || !visited.add(next)) {
          break;
        }
        current = next;
      }
      if (current.equals(name) || rcode == Rcode.NXDOMAIN) {
        return List.of();
      }
      // The answer ends in a CNAME to a name the server did not resolve; ask for that name.
      name = current;
    }
    throw new DnsLookupException(
        "More than " + MAX_CNAMES + " CNAMEs in a row for " + text + "; giving up", null, null);
  }

  private static Name cnameTarget(List<Record> section, Name owner) {
    for (Record record : section) {
      if (record instanceof CNAMERecord cname && record.getName().equals(owner)) {
        return cname.getTarget();
      }
    }
    return null;
  }

  private Message ask(Name name, int type) {
    try {
      SimpleResolver resolver =
          new SimpleResolver(new InetSocketAddress(settings.host(), settings.port()));
      resolver.setTimeout(settings.timeout());
      return resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
    } catch (IOException e) {
      throw new DnsLookupException(
          resolver()
              + " did not answer for "
              + RecordValidator.display(name)
              + " "
              + Type.string(type)
              + " within "
              + settings.timeout().toMillis()
              + " ms: "
              + e.getMessage(),
          null,
          e);
    }
  }

  private String resolver() {
    return "DNS resolver " + settings.host() + ":" + settings.port();
  }

  private static Name absolute(String text) {
    String bare = text == null ? "" : RecordValidator.stripDot(text.strip());
    try {
      if (bare.isEmpty()) {
        throw new TextParseException("empty name");
      }
      return Name.fromString(bare + ".");
    } catch (TextParseException e) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "'" + RecordValidator.printable(text) + "' is not a domain name to look up.");
    }
  }
}
