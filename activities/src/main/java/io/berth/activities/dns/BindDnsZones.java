package io.berth.activities.dns;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * {@link DnsZones} on BIND 9: zones are added and removed at run time with {@code rndc addzone} /
 * {@code rndc delzone -clean} (they persist in named's {@code _default.nzd}); records change only
 * through RFC 2136 UPDATEs signed with a TSIG HMAC-SHA256 key, so a second RFC 2136 server needs
 * only a different way to create zones. A record set is replaced by one UPDATE that deletes the set
 * and adds each record, which is atomic and converges when repeated.
 */
public final class BindDnsZones implements DnsZones {

  /** Settings; see {@link DnsConfig.DnsProperties}. */
  public record Settings(
      String host,
      int port,
      Path tsigKeyFile,
      String rndc,
      Path rndcConf,
      Path zoneDirectory,
      String primaryNs,
      String primaryNsAddress,
      String hostmaster,
      long defaultTtl,
      Duration timeout) {}

  static final String KEY_NAME = "berth-update";
  private static final Pattern KEY =
      Pattern.compile(
          "key\\s+\"?([A-Za-z0-9._-]+)\"?\\s*\\{.*?algorithm\\s+([A-Za-z0-9-]+)\\s*;"
              + ".*?secret\\s+\"([A-Za-z0-9+/=]+)\"",
          Pattern.DOTALL);
  private static final Duration RNDC_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<RecordType> CHECKED_TARGETS =
      EnumSet.of(RecordType.MX, RecordType.SRV, RecordType.NS);

  private final Settings settings;

  public BindDnsZones(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void createZone(String zone) {
    Name name = RecordValidator.zone(zone);
    String z = RecordValidator.display(name);
    if (zoneExists(z)) {
      return;
    }
    Name ns = RecordValidator.zone(settings.primaryNs());
    String file = z + ".db";
    StringBuilder text = new StringBuilder();
    text.append("$TTL ").append(settings.defaultTtl()).append('\n');
    text.append(name)
        .append(" IN SOA ")
        .append(ns)
        .append(' ')
        .append(RecordValidator.zone(settings.hostmaster()))
        .append(" 1 3600 900 1209600 300\n");
    text.append(name).append(" IN NS ").append(ns).append('\n');
    if (ns.subdomain(name)) {
      text.append(ns).append(" IN A ").append(settings.primaryNsAddress()).append('\n');
    }
    writeZoneFile(file, text.toString());
    String config =
        "{ type primary; file \""
            + file
            + "\"; update-policy { grant "
            + KEY_NAME
            + " zonesub A AAAA CNAME MX TXT SRV CAA NS; }; };";
    Result result = rndc("addzone", z, config);
    if (!result.ok() && !result.output().contains("already exists")) {
      throw new IllegalStateException("rndc addzone " + z + " failed: " + result.output());
    }
  }

  @Override
  public void deleteZone(String zone) {
    String z = RecordValidator.display(RecordValidator.zone(zone));
    Result result = rndc("delzone", "-clean", z);
    if (!result.ok() && !result.output().contains("not found")) {
      throw new IllegalStateException("rndc delzone " + z + " failed: " + result.output());
    }
    try {
      Files.deleteIfExists(settings.zoneDirectory().resolve(z + ".db"));
      Files.deleteIfExists(settings.zoneDirectory().resolve(z + ".db.jnl"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean zoneExists(String zone) {
    String z = RecordValidator.display(RecordValidator.zone(zone));
    Result result = rndc("zonestatus", z);
    if (result.ok()) {
      return true;
    }
    if (result.output().contains("not found") || result.output().contains("no matching zone")) {
      return false;
    }
    throw new IllegalStateException("rndc zonestatus " + z + " failed: " + result.output());
  }

  @Override
  public void replaceRecordSet(
      String zone, String name, RecordType type, long ttl, List<String> values) {
    Name zoneName = RecordValidator.zone(zone);
    Name owner = RecordValidator.owner(zone, name, type);
    Set<RecordType> existing = typesAt(zoneName, owner);
    List<Record> records = RecordValidator.records(zone, name, type, ttl, values, existing);
    for (Record record : records) {
      Name target = record.getAdditionalName();
      if (CHECKED_TARGETS.contains(type)
          && target != null
          && target.subdomain(zoneName)
          && !(type == RecordType.NS && target.subdomain(owner))
          && query(target, Type.A).isEmpty()
          && query(target, Type.AAAA).isEmpty()) {
        throw RecordValidator.invalid(
            type
                + " target "
                + RecordValidator.display(target)
                + " is inside this zone but has no address: add an A or AAAA record for it first.");
      }
    }
    Update update = new Update(zoneName);
    update.delete(owner, type.code());
    for (Record record : records) {
      update.add(record);
    }
    send(update, "replace " + type + " at " + RecordValidator.display(owner));
  }

  @Override
  public void deleteRecordSet(String zone, String name, RecordType type) {
    Name zoneName = RecordValidator.zone(zone);
    Name owner = RecordValidator.owner(zone, name, type);
    if (type == RecordType.NS && owner.equals(zoneName)) {
      throw RecordValidator.invalid("The zone's own NS records are managed by the platform.");
    }
    Update update = new Update(zoneName);
    update.delete(owner, type.code());
    send(update, "delete " + type + " at " + RecordValidator.display(owner));
  }

  @Override
  public List<String> recordSet(String zone, String name, RecordType type) {
    Name owner = RecordValidator.owner(zone, name, type);
    return query(owner, type.code()).stream().map(Record::rdataToString).toList();
  }

  @Override
  public long serial(String zone) {
    Name zoneName = RecordValidator.zone(zone);
    for (Record record : query(zoneName, Type.SOA)) {
      if (record instanceof SOARecord soa) {
        return soa.getSerial();
      }
    }
    throw new PermanentException(
        FailureType.NOT_FOUND, "Zone " + RecordValidator.display(zoneName) + " is not served.");
  }

  private Set<RecordType> typesAt(Name zone, Name owner) {
    Set<RecordType> types = EnumSet.noneOf(RecordType.class);
    for (RecordType type : RecordType.values()) {
      if (type == RecordType.NS && owner.equals(zone)) {
        continue;
      }
      for (Record record : query(owner, type.code())) {
        if (record.getName().equals(owner) && record.getType() == type.code()) {
          types.add(type);
        }
      }
    }
    return types;
  }

  private List<Record> query(Name name, int type) {
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    Message response = exchange(query, false);
    int rcode = response.getRcode();
    if (rcode == Rcode.NXDOMAIN || rcode == Rcode.NOERROR) {
      List<Record> out = new ArrayList<>();
      for (Record record : response.getSection(Section.ANSWER)) {
        if (record.getType() == type && record.getName().equals(name)) {
          out.add(record);
        }
      }
      return out;
    }
    if (rcode == Rcode.REFUSED) {
      throw new PermanentException(
          FailureType.NOT_FOUND, "The DNS server does not serve " + RecordValidator.display(name));
    }
    throw new IllegalStateException(
        "DNS query " + name + " " + Type.string(type) + " failed: " + Rcode.string(rcode));
  }

  private void send(Update update, String what) {
    Message response = exchange(update, true);
    int rcode = response.getRcode();
    if (rcode != Rcode.NOERROR) {
      String code = Rcode.string(rcode);
      if (rcode == Rcode.NOTAUTH || rcode == Rcode.REFUSED || rcode == Rcode.NOTZONE) {
        throw new IllegalStateException(
            "DNS server refused the UPDATE ("
                + what
                + "): "
                + code
                + " (is the zone served and the TSIG key the server's?)");
      }
      throw new IllegalStateException("DNS UPDATE (" + what + ") failed: " + code);
    }
    if (!response.isVerified()) {
      throw new IllegalStateException(
          "DNS UPDATE (" + what + ") reply is not signed with our TSIG key; not trusting it.");
    }
  }

  private Message exchange(Message message, boolean signed) {
    try {
      SimpleResolver resolver =
          new SimpleResolver(new InetSocketAddress(settings.host(), settings.port()));
      resolver.setTCP(true);
      resolver.setTimeout(settings.timeout());
      if (signed) {
        resolver.setTSIGKey(tsig());
      }
      return resolver.send(message);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "DNS server " + settings.host() + ":" + settings.port() + " unreachable", e);
    }
  }

  private TSIG tsig() {
    String text;
    try {
      text = Files.readString(settings.tsigKeyFile(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TSIG key file " + settings.tsigKeyFile(), e);
    }
    return parseKey(text, settings.tsigKeyFile().toString());
  }

  /** Reads a key in named's syntax ({@code key "name" { algorithm …; secret "…"; };}). */
  static TSIG parseKey(String text, String source) {
    Matcher m = KEY.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no key { algorithm …; secret …; } in " + source);
    }
    if (!m.group(2).equalsIgnoreCase("hmac-sha256")) {
      throw new IllegalStateException("TSIG key in " + source + " must be hmac-sha256");
    }
    return new TSIG(TSIG.HMAC_SHA256, m.group(1), m.group(3));
  }

  private void writeZoneFile(String file, String text) {
    try {
      Files.createDirectories(settings.zoneDirectory());
      Path target = settings.zoneDirectory().resolve(file);
      Path tmp = settings.zoneDirectory().resolve("." + file + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(settings.zoneDirectory().resolve(file + ".jnl"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Result(boolean ok, String output) {}

  private Result rndc(String... args) {
    List<String> command =
        new ArrayList<>(List.of(settings.rndc(), "-c", settings.rndcConf().toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(RNDC_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("rndc " + args[0] + " timed out");
      }
      return new Result(process.exitValue() == 0, new String(out, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + settings.rndc(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running rndc", e);
    }
  }
}
