package io.berth.activities.proxy;

import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.RecordValidator;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.SiteNames;
import io.berth.workflows.domain.DomainRoute;
import io.berth.workflows.site.RouteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@link ReverseProxy} and {@link TlsCertificates} on the host's nginx: one server block per site
 * in {@code <prefix>/sites/site-<siteId>.conf} and one per customer domain in {@code
 * <prefix>/sites/domain-<domainId>.conf}, included by the {@code nginx.conf} that {@code
 * infra/scripts/services.sh} renders; beside a suspended site's block its mark {@code
 * site-<siteId>.suspended} ({@link SiteSuspension}), included by its domains' blocks; the
 * certificates in {@code <prefix>/tls/} ({@link TlsSnippet}), included by the route blocks.
 *
 * <p>A change is written to temporary files and moved into place, checked with {@code nginx -t} and
 * applied with {@code nginx -s reload}; a call returns once nginx's workers run the new config
 * ({@code nginx.pid} in the prefix names the master, as infra's {@code nginx.conf} sets). Before
 * the move, each file's previous state is kept in a journal entry next to it ({@code
 * .site-<id>.prev}, {@code .site-<id>.suspended.prev} or {@code .domain-<id>.prev} in {@code
 * sites/}, {@code .<subject>.pem.prev} and so on in {@code tls/}, or {@code .absent} when there was
 * none); the entries go away once nginx has reloaded. A rejected config restores every journalled
 * file, so a certificate and its key are replaced together or not at all, and an entry left behind
 * by a crash forces the next change to test and reload even if its own files are already up to
 * date. Private keys, their journal entries and their temporary files are created readable by their
 * owner only. Changes are serialised across processes with a lock on {@code <prefix>/sites/.lock}.
 */
public final class NginxReverseProxy implements ReverseProxy, TlsCertificates {

  static final int MIN_PORT = 1024;
  static final int MAX_PORT = 65535;

  private static final Pattern LISTEN =
      Pattern.compile("(?:(?:[0-9A-Za-z.-]+|\\[[0-9A-Fa-f:.]+]):)?[0-9]{1,5}");
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*");
  private static final Pattern SERVER_NAME = Pattern.compile("\\bserver_name\\s+([^;]*);");
  private static final Pattern ROUTE_JOURNAL =
      Pattern.compile("\\.((?:site|domain)-[0-9]+)\\.(prev|absent)");
  private static final Pattern SUSPENSION_JOURNAL =
      Pattern.compile("\\.(site-[0-9]+\\.suspended)\\.(prev|absent)");
  private static final Pattern TLS_JOURNAL =
      Pattern.compile("\\.((?:site-[0-9]+|platform)\\.(?:pem|key|conf))\\.(prev|absent)");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
  private static final Pattern PRIVATE_KEY_PEM =
      Pattern.compile("-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);
  private static final Path PROC = Path.of("/proc");
  private static final ConcurrentMap<Path, ReentrantLock> LOCKS_IN_THIS_JVM =
      new ConcurrentHashMap<>();

  private final Path prefix;
  private final Path sites;
  private final Path tls;
  private final Path nginxConf;
  private final Path lockFile;
  private final Path pidFile;
  private final String listen;
  private final String httpsListen;
  private final String nginx;
  private final String domain;

  /**
   * @param prefix the nginx prefix directory holding {@code nginx.conf}, {@code sites/}, {@code
   *     html/}
   * @param listen the address of the sites' server blocks, e.g. {@code 127.0.0.1:8880}; must equal
   *     the {@code listen} of the default server in {@code nginx.conf}
   * @param httpsListen the HTTPS address of the routes that have a certificate, e.g. {@code
   *     127.0.0.1:8443}
   * @param nginx the nginx binary, a path or a name looked up on {@code PATH}
   * @param domain the domain that site names are prefixed to, e.g. {@code berth.localhost}
   */
  public NginxReverseProxy(
      Path prefix, String listen, String httpsListen, String nginx, String domain) {
    this.prefix = prefix.toAbsolutePath().normalize();
    this.sites = this.prefix.resolve("sites");
    this.tls = this.prefix.resolve(TlsSnippet.DIRECTORY);
    this.nginxConf = this.prefix.resolve("nginx.conf");
    this.lockFile = sites.resolve(".lock");
    this.pidFile = this.prefix.resolve("nginx.pid");
    if (listen == null || !LISTEN.matcher(listen).matches()) {
      throw new IllegalArgumentException(
          "berth.proxy.listen must look like 127.0.0.1:8880, not " + listen);
    }
    if (httpsListen == null || !LISTEN.matcher(httpsListen).matches()) {
      throw new IllegalArgumentException(
          "berth.proxy.https-listen must look like 127.0.0.1:8443, not " + httpsListen);
    }
    if (httpsListen.equals(listen)) {
      throw new IllegalArgumentException(
          "berth.proxy.https-listen must differ from berth.proxy.listen (" + listen + ")");
    }
    if (nginx == null || nginx.isBlank()) {
      throw new IllegalArgumentException("berth.proxy.nginx must name the nginx binary");
    }
    if (domain == null
        || !DOMAIN.matcher(domain).matches()
        || domain.length() > 253 - SiteNames.MAX_LENGTH - 1) {
      throw new IllegalArgumentException(
          "berth.sites.domain must be a lowercase DNS name such as berth.localhost, not " + domain);
    }
    this.listen = listen;
    this.httpsListen = httpsListen;
    this.nginx = nginx;
    this.domain = domain;
  }

  @Override
  public void ensureRoute(RouteSpec route) {
    if (route == null) {
      throw new PermanentException(FailureType.INVALID_INPUT, "A route is required.");
    }
    requireSiteId(route.siteId());
    SiteNames.problem(route.siteName())
        .ifPresent(
            problem -> {
              throw new PermanentException(FailureType.INVALID_INPUT, problem);
            });
    requirePort(route.hostPort());
    String hostname = hostname(route.siteName());
    RouteFile file = RouteFile.site(route.siteId());
    List<Change> changes =
        route.suspended()
            ? List.of(
                new Change(
                    routeFile(file),
                    SiteServerBlock.forSuspendedSite(route.siteId(), hostname, listen, prefix)),
                new Change(suspensionFile(route.siteId()), SiteSuspension.render(route.siteId())))
            : List.of(
                new Change(
                    routeFile(file),
                    SiteServerBlock.forSite(
                        route.siteId(), hostname, listen, route.hostPort(), prefix)),
                Change.absent(suspensionFile(route.siteId())));
    locked(
        () -> {
          settleUnconfirmedChanges();
          refuseNamesServedElsewhere(
              file,
              List.of(hostname),
              name -> "The name " + route.siteName() + " is already in use by another site");
          apply(hostname, changes);
        });
  }

  @Override
  public void removeRoute(long siteId) {
    requireSiteId(siteId);
    locked(
        () -> {
          settleUnconfirmedChanges();
          apply(
              "site " + siteId,
              List.of(
                  Change.absent(routeFile(RouteFile.site(siteId))),
                  Change.absent(suspensionFile(siteId))));
        });
  }

  @Override
  public void ensureDomainRoute(DomainRoute route) {
    if (route == null) {
      throw new PermanentException(FailureType.INVALID_INPUT, "A domain route is required.");
    }
    requireDomainId(route.domainId());
    requireSiteId(route.siteId());
    requirePort(route.hostPort());
    List<String> hostnames = domainHostnames(route.hostnames());
    String block =
        SiteServerBlock.forDomain(
            route.domainId(), route.siteId(), hostnames, listen, route.hostPort(), prefix);
    RouteFile file = RouteFile.domain(route.domainId());
    locked(
        () -> {
          settleUnconfirmedChanges();
          refuseNamesServedElsewhere(
              file,
              hostnames,
              name -> name + " is already served by another site or domain on this host.");
          apply(hostnames.get(0), List.of(new Change(routeFile(file), block)));
        });
  }

  @Override
  public void removeDomainRoute(long domainId) {
    requireDomainId(domainId);
    locked(
        () -> {
          settleUnconfirmedChanges();
          apply(
              "domain " + domainId, List.of(Change.absent(routeFile(RouteFile.domain(domainId)))));
        });
  }

  @Override
  public void installCertificate(String subjectKey, String chainPem, String keyPem) {
    String subject = requireSubject(subjectKey);
    if (chainPem == null || !chainPem.strip().startsWith(PEM_CERTIFICATE)) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "The certificate of " + subject + " is not a PEM chain (" + PEM_CERTIFICATE + " …).");
    }
    if (keyPem == null || !PRIVATE_KEY_PEM.matcher(keyPem).find()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "The private key of " + subject + " is not a PEM private key.");
    }
    List<Change> changes =
        List.of(
            new Change(tlsFile(TlsSnippet.chainFile(prefix, subject), false), pemText(chainPem)),
            new Change(tlsFile(TlsSnippet.keyFile(prefix, subject), true), pemText(keyPem)),
            new Change(
                tlsFile(TlsSnippet.snippetFile(prefix, subject), false),
                TlsSnippet.render(prefix, subject, httpsListen)));
    locked(
        () -> {
          settleUnconfirmedChanges();
          apply("the certificate of " + subject, changes);
        });
  }

  @Override
  public void removeCertificate(String subjectKey) {
    String subject = requireSubject(subjectKey);
    List<Change> changes =
        List.of(
            Change.absent(tlsFile(TlsSnippet.snippetFile(prefix, subject), false)),
            Change.absent(tlsFile(TlsSnippet.chainFile(prefix, subject), false)),
            Change.absent(tlsFile(TlsSnippet.keyFile(prefix, subject), true)));
    locked(
        () -> {
          settleUnconfirmedChanges();
          apply("the certificate of " + subject, changes);
        });
  }

  @Override
  public String hostname(String siteName) {
    SiteNames.problem(siteName)
        .ifPresent(
            problem -> {
              throw new PermanentException(FailureType.INVALID_INPUT, problem);
            });
    return siteName + "." + domain;
  }

  /** The file that holds the site's server block. */
  Path siteFile(long siteId) {
    return sites.resolve(RouteFile.site(siteId).fileName());
  }

  /** The file that holds the customer domain's server block. */
  Path domainFile(long domainId) {
    return sites.resolve(RouteFile.domain(domainId).fileName());
  }

  /** The file of the subject's TLS snippet in {@code tls/}. */
  Path tlsSnippetFile(String subjectKey) {
    return TlsSnippet.snippetFile(prefix, requireSubject(subjectKey));
  }

  /** The subject's TLS snippet as this adapter writes it. */
  String tlsSnippet(String subjectKey) {
    return TlsSnippet.render(prefix, requireSubject(subjectKey), httpsListen);
  }

  /**
   * A file of the config this adapter writes, and the stem of its journal entry next to it.
   *
   * @param secret whether only its owner may read it (a private key)
   */
  private record ConfigFile(Path path, String journalStem, boolean secret) {

    Path journalEntry(boolean existed) {
      return path.resolveSibling(journalStem + (existed ? ".prev" : ".absent"));
    }
  }

  /** The wanted content of one file; null for none. */
  private record Change(ConfigFile file, byte[] wanted) {

    Change(ConfigFile file, String wanted) {
      this(file, wanted.getBytes(StandardCharsets.UTF_8));
    }

    static Change absent(ConfigFile file) {
      return new Change(file, (byte[]) null);
    }
  }

  /** A journal entry: the file it belongs to, and whether that file existed before. */
  private record JournalEntry(Path entry, ConfigFile file, boolean existed) {}

  private ConfigFile routeFile(RouteFile route) {
    return new ConfigFile(
        sites.resolve(route.fileName()), "." + route.kind() + "-" + route.id(), false);
  }

  private ConfigFile suspensionFile(long siteId) {
    Path path = SiteSuspension.file(sites, siteId);
    return new ConfigFile(path, "." + path.getFileName(), false);
  }

  private static ConfigFile tlsFile(Path path, boolean secret) {
    return new ConfigFile(path, "." + path.getFileName(), secret);
  }

  private static String requireSubject(String subjectKey) {
    if (!TlsSnippet.isSubject(subjectKey)) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "A certificate subject is 'platform' or 'site-<id>', not '" + subjectKey + "'.");
    }
    return subjectKey;
  }

  /** PEM as nginx reads it: line breaks kept, one final newline. */
  private static String pemText(String pem) {
    return pem.strip() + "\n";
  }

  /** One route's file in {@code sites/}: {@code <kind>-<id>.conf}. */
  private record RouteFile(String kind, long id) {

    static RouteFile site(long siteId) {
      return new RouteFile("site", siteId);
    }

    static RouteFile domain(long domainId) {
      return new RouteFile("domain", domainId);
    }

    String fileName() {
      return kind + "-" + id + ".conf";
    }
  }

  private Path path(RouteFile file) {
    return sites.resolve(file.fileName());
  }

  private static void requireSiteId(long siteId) {
    if (siteId <= 0) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, "A site id is a positive number, not " + siteId + ".");
    }
  }

  private static void requireDomainId(long domainId) {
    if (domainId <= 0) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, "A domain id is a positive number, not " + domainId + ".");
    }
  }

  private static void requirePort(int port) {
    if (port < MIN_PORT || port > MAX_PORT) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "A site's port must be between " + MIN_PORT + " and " + MAX_PORT + ", not " + port + ".");
    }
  }

  /**
   * A domain route's names, each a valid lower-case DNS name that is not one of the platform's own
   * site names; the list as given, so that the config is the same for the same route.
   */
  private List<String> domainHostnames(List<String> hostnames) {
    if (hostnames == null || hostnames.isEmpty()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, "A domain route needs at least one host name.");
    }
    Set<String> seen = new HashSet<>();
    for (String hostname : hostnames) {
      String name = RecordValidator.hostname(hostname);
      if (name.equals(domain) || name.endsWith("." + domain)) {
        throw new PermanentException(
            FailureType.INVALID_INPUT,
            name
                + " belongs to the platform's own domain "
                + domain
                + ": sites get names there from the platform; add a domain of your own.");
      }
      if (!seen.add(name)) {
        throw new PermanentException(
            FailureType.INVALID_INPUT, "Host name " + name + " is listed twice in the route.");
      }
    }
    return List.copyOf(hostnames);
  }

  /** Refuses a name that another route's file already serves: nginx would only warn. */
  private void refuseNamesServedElsewhere(
      RouteFile own, List<String> hostnames, Function<String, String> conflict) throws IOException {
    Path ownPath = path(own);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(sites, "*.conf")) {
      for (Path file : files) {
        if (file.equals(ownPath) || !Files.isRegularFile(file)) {
          continue;
        }
        // Latin-1 reads any bytes; host names are ASCII.
        String config = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Matcher names = SERVER_NAME.matcher(config);
        while (names.find()) {
          for (String name : names.group(1).trim().split("\\s+")) {
            String served = name.toLowerCase(Locale.ROOT);
            if (hostnames.contains(served)) {
              throw new PermanentException(FailureType.CONFLICT, conflict.apply(served));
            }
          }
        }
      }
    }
  }

  /**
   * Puts the files into the wanted states (absent when null), then tests and reloads; files already
   * in their state are left alone, and nothing is reloaded when all are and no change is pending.
   */
  private void apply(String what, List<Change> changes) throws IOException {
    List<JournalEntry> journal = journal();
    List<Change> needed = new ArrayList<>();
    for (Change change : changes) {
      if (!Arrays.equals(read(change.file().path()), change.wanted())) {
        needed.add(change);
      }
    }
    if (journal.isEmpty() && needed.isEmpty()) {
      return;
    }
    for (Change change : needed) {
      ConfigFile file = change.file();
      byte[] current = read(file.path());
      if (journal.stream().noneMatch(entry -> entry.file().path().equals(file.path()))) {
        writeAtomically(
            file.journalEntry(current != null),
            current == null ? new byte[0] : current,
            file.secret());
      }
      if (change.wanted() == null) {
        Files.deleteIfExists(file.path());
      } else {
        writeAtomically(file.path(), change.wanted(), file.secret());
      }
    }

    CommandResult test;
    try {
      test = run("-t", "-q");
    } catch (RuntimeException e) {
      rollBack();
      throw e;
    }
    if (test.exitCode() != 0) {
      rollBack();
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "nginx rejected the configuration for "
              + what
              + "; the previous configuration is kept. nginx said: "
              + test.describe());
    }
    // The journal stays until nginx runs the new config, so that a retry reloads again.
    Optional<ProcessHandle> master = master();
    Set<Long> oldWorkers = children(master);
    CommandResult reload = run("-s", "reload");
    if (reload.exitCode() != 0) {
      throw new IllegalStateException("nginx did not reload: " + reload.describe());
    }
    awaitNewWorkers(master, oldWorkers);
    for (JournalEntry entry : journal()) {
      Files.deleteIfExists(entry.entry());
    }
  }

  /**
   * Journal entries before a change were left by one that crashed or could not reload. If nginx
   * accepts them they are reloaded together with this change; if not they are rolled back here, so
   * that this change is not blamed for them (their own activities retry and redo them).
   */
  private void settleUnconfirmedChanges() throws IOException {
    if (!journal().isEmpty() && run("-t", "-q").exitCode() != 0) {
      rollBack();
    }
  }

  private Optional<ProcessHandle> master() {
    try {
      return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Set<Long> children(Optional<ProcessHandle> master) {
    return master.stream()
        .flatMap(ProcessHandle::children)
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }

  /**
   * {@code nginx -s reload} only signals the master: it starts workers with the new config, and the
   * old ones keep accepting connections with the old config until they are told to shut down. So
   * that a route is served when this adapter returns, wait until a new worker runs and every old
   * one has gone or is shutting down (its process title says so). Needs /proc; without it the
   * reload is left to finish on its own.
   */
  private void awaitNewWorkers(Optional<ProcessHandle> master, Set<Long> oldWorkers) {
    if (master.isEmpty() || oldWorkers.isEmpty() || !Files.isDirectory(PROC)) {
      return;
    }
    long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
    while (true) {
      boolean started = children(master).stream().anyMatch(pid -> !oldWorkers.contains(pid));
      if (started && oldWorkers.stream().allMatch(NginxReverseProxy::goneOrShuttingDown)) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "nginx did not switch to the new configuration within "
                + RELOAD_TIMEOUT.toSeconds()
                + " s; see its error log in "
                + prefix);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while nginx reloads", e);
      }
    }
  }

  private static boolean goneOrShuttingDown(long pid) {
    try {
      String title = Files.readString(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
      return title.contains("shutting down");
    } catch (IOException gone) {
      return true;
    }
  }

  /** The journal entries of {@code sites/} and {@code tls/}. */
  private List<JournalEntry> journal() throws IOException {
    List<JournalEntry> entries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(sites, ".*")) {
      for (Path entry : files) {
        Matcher m = ROUTE_JOURNAL.matcher(entry.getFileName().toString());
        if (m.matches()) {
          ConfigFile file =
              new ConfigFile(sites.resolve(m.group(1) + ".conf"), "." + m.group(1), false);
          entries.add(new JournalEntry(entry, file, m.group(2).equals("prev")));
        }
        Matcher mark = SUSPENSION_JOURNAL.matcher(entry.getFileName().toString());
        if (mark.matches()) {
          ConfigFile file =
              new ConfigFile(sites.resolve(mark.group(1)), "." + mark.group(1), false);
          entries.add(new JournalEntry(entry, file, mark.group(2).equals("prev")));
        }
      }
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(tls, ".*")) {
      for (Path entry : files) {
        Matcher m = TLS_JOURNAL.matcher(entry.getFileName().toString());
        if (m.matches()) {
          ConfigFile file = tlsFile(tls.resolve(m.group(1)), m.group(1).endsWith(".key"));
          entries.add(new JournalEntry(entry, file, m.group(2).equals("prev")));
        }
      }
    }
    return entries;
  }

  /** Restores every journalled file to its state before the unconfirmed change. */
  private void rollBack() throws IOException {
    for (JournalEntry entry : journal()) {
      Path file = entry.file().path();
      if (entry.existed()) {
        Files.move(
            entry.entry(),
            file,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(file);
        Files.delete(entry.entry());
      }
    }
  }

  private static byte[] read(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllBytes(file) : null;
  }

  /**
   * Writes a temporary file and moves it into place. A secret's temporary file is made anew with
   * owner-only permissions, so that its bytes are never readable by others, not even for a moment.
   */
  private void writeAtomically(Path target, byte[] content, boolean secret) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    if (secret) {
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.setPosixFilePermissions(tmp, OWNER_ONLY);
    }
    try (FileChannel out =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private interface LockedAction {
    void run() throws IOException;
  }

  /**
   * Runs the action holding this JVM's lock and the host-wide file lock on {@code sites/.lock}. The
   * file lock alone is not enough inside one JVM: a second {@code lock()} on the same file from the
   * same JVM fails instead of waiting.
   */
  private void locked(LockedAction action) {
    if (!Files.isRegularFile(nginxConf)) {
      throw new IllegalStateException(
          "nginx is not set up: " + nginxConf + " is missing (run ./berth services up)");
    }
    ReentrantLock inJvm = LOCKS_IN_THIS_JVM.computeIfAbsent(lockFile, f -> new ReentrantLock());
    inJvm.lock();
    try {
      Files.createDirectories(sites);
      Files.createDirectories(tls);
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock hostWide = channel.lock()) {
        action.run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not change the nginx sites in " + sites, e);
    } finally {
      inJvm.unlock();
    }
  }

  private record CommandResult(List<String> command, int exitCode, String output) {
    String describe() {
      return output.isEmpty()
          ? String.join(" ", command) + " exited with code " + exitCode
          : output;
    }
  }

  private CommandResult run(String... action) {
    List<String> command = new ArrayList<>();
    command.add(nginx);
    command.addAll(List.of(action));
    command.addAll(List.of("-c", nginxConf.toString(), "-p", prefix.toString()));
    Path output = null;
    try {
      output = Files.createTempFile("berth-nginx-", ".out");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command)
                + " did not finish within "
                + COMMAND_TIMEOUT.toSeconds()
                + " s");
      }
      return new CommandResult(
          command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command.get(0), e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }
}
