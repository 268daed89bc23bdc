import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email on a running platform, through REST API v1 and the mail servers' own ports on 127.0.0.1.
 * One customer orders the Trial plan's static site (waits for it ACTIVE), adds the hosted domain
 * {@code m<run>.test} (waits for it ACTIVE) and turns email on for it, timed until the mail domain
 * reads ACTIVE. The Trial plan allows two mailboxes: {@code inbox@} stays for the whole run, the
 * other one is each sample's own mailbox, deleted after its sample. Then, one after the other:
 *
 * <ol>
 *   <li>mailbox created → first IMAP login: the clock starts when {@code POST
 *       /api/v1/mail/domains/{id}/mailboxes} is sent; {@code GET /api/v1/mail/mailboxes/{id}} is
 *       polled every 20 ms and once it reads ACTIVE (the status the mail servers' view {@code
 *       mail_server_users} selects on) a plain {@code LOGIN} goes out on a new IMAP connection,
 *       again every 20 ms until one is answered OK. LOGIN is not tried before ACTIVE: Dovecot
 *       answers a login it refuses only after its {@code auth_failure_delay} (2 s) and then holds
 *       back every further login from the same address (its auth penalty), so polling with
 *       refused logins would time Dovecot's brute-force brake rather than the platform;
 *   <li>SMTP → INBOX: a message to {@code inbox@} in plain SMTP on the MX port (EHLO, MAIL FROM,
 *       RCPT TO, DATA; no TLS, no AUTH). The clock starts before connecting and stops at the 250
 *       after DATA (queued) and at the first {@code STATUS INBOX (MESSAGES)} that counts the
 *       message, polled every 10 ms on one logged-in IMAP connection;
 *   <li>IMAP logins: connect, greeting, {@code LOGIN} answered OK, {@code LOGOUT}, one connection
 *       each, one after the other; then logins with a wrong password, counted (each must be
 *       answered NO), not timed.
 * </ol>
 *
 * <p>Prints Markdown tables (nearest-rank percentiles). Whatever does not happen within 60 s stops
 * the run: the tables of what was measured are printed, the reason goes to stderr and the exit
 * status is 1. Usage: {@code java bench/MailboxToInbox.java <panel-url> <imap-port> <smtp-port>
 * <mailboxes> <mails> <logins> <wrong-passwords>}
 */
public class MailboxToInbox {

  static final String USAGE =
      """
      usage: java bench/MailboxToInbox.java <panel-url> <imap-port> <smtp-port> <mailboxes> <mails> <logins> <wrong-passwords>
        e.g. java bench/MailboxToInbox.java http://127.0.0.1:8080 1143 2525 10 50 50 5
        mailboxes        samples of mailbox created → first IMAP login
        mails            messages delivered over SMTP and timed until IMAP sees them
        logins           sequential IMAP logins, one connection each
        wrong-passwords  logins with a wrong password, each must be answered NO (not timed)""";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String HOST = "127.0.0.1";
  static final long TIMEOUT_NANOS = 60_000_000_000L;
  static final int SOCKET_TIMEOUT_MILLIS = 60_000;
  static final long API_POLL_MILLIS = 20;
  static final long LOGIN_POLL_MILLIS = 20;
  static final long INBOX_POLL_MILLIS = 10;
  static final int INBOX_QUOTA_MB = 50;
  static final int SAMPLE_QUOTA_MB = 10;

  static String panel;
  static int imapPort;
  static int smtpPort;

  /** Something that did not happen within 60 s: stops the run with exit status 1. */
  static final class NeverHappened extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NeverHappened(String what) {
      super(what);
    }
  }

  /** One mailbox's clocks in milliseconds from its create request, and LOGINs refused before OK. */
  record MailboxSample(String id, String address, double active, double login, int refused) {}

  /** What has been measured so far; printed as it stands when the run stops early. */
  static final class Results {
    String domain = "—";
    Double emailOn;
    MailboxSample inbox;
    final List<MailboxSample> mailboxes = new ArrayList<>();
    final List<Double> queued = new ArrayList<>();
    final List<Double> visible = new ArrayList<>();
    final List<Double> logins = new ArrayList<>();
    double loginSeconds;
    int wrongTried;
    int wrongRefused;
  }

  static final Results RESULTS = new Results();

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println(USAGE);
      System.exit(2);
    }
    panel = args[0];
    imapPort = Integer.parseInt(args[1]);
    smtpPort = Integer.parseInt(args[2]);
    int mailboxes = Integer.parseInt(args[3]);
    int mails = Integer.parseInt(args[4]);
    int logins = Integer.parseInt(args[5]);
    int wrong = Integer.parseInt(args[6]);
    String failure = null;
    try {
      run(mailboxes, mails, logins, wrong);
    } catch (NeverHappened | IllegalStateException | IOException e) {
      failure = e.getMessage();
    }
    print(mailboxes, mails, logins, wrong, failure);
    if (failure != null) {
      System.err.println("[bench] stopped: " + failure);
      System.exit(1);
    }
  }

  static void run(int mailboxes, int mails, int logins, int wrong) throws Exception {
    String run = Long.toString(System.currentTimeMillis() % 100000, 36);
    String label = "m" + run;
    String domain = label + ".test";
    String password = "Bench-mail-" + run + "-pw";
    RESULTS.domain = domain;

    log("customer " + label + "@berth.test orders the Trial plan's static site");
    String customer = signUp(label + "@berth.test");
    String order = field(call("POST", "/api/v1/orders", customer, orderBody(label), 202), "id");
    waitFor(customer, "/api/v1/orders/" + order, "order " + order, System.nanoTime());
    log("adding the hosted domain " + domain);
    String body = "{\"name\":\"" + domain + "\",\"mode\":\"HOSTED\"}";
    String domainId = field(call("POST", "/api/v1/domains", customer, body, 201), "id");
    waitFor(customer, "/api/v1/domains/" + domainId, "domain " + domain, System.nanoTime());

    log("turning email on for " + domain);
    long start = System.nanoTime();
    String turnOn = "{\"domainId\":" + domainId + "}";
    String mailDomain = field(call("POST", "/api/v1/mail/domains", customer, turnOn, 202), "id");
    waitFor(customer, "/api/v1/mail/domains/" + mailDomain, "email on " + domain, start);
    RESULTS.emailOn = millisSince(start);
    log(String.format("email on %s ACTIVE after %.0f ms", domain, RESULTS.emailOn));

    RESULTS.inbox = mailboxSample(customer, mailDomain, "inbox@" + domain, password, INBOX_QUOTA_MB);
    for (int i = 1; i <= mailboxes; i++) {
      MailboxSample sample =
          mailboxSample(customer, mailDomain, "s" + i + "@" + domain, password, SAMPLE_QUOTA_MB);
      RESULTS.mailboxes.add(sample);
      call("DELETE", "/api/v1/mail/mailboxes/" + sample.id(), customer, null, 202);
    }

    String inbox = RESULTS.inbox.address();
    log(mails + " messages to " + inbox + " over SMTP on " + smtpPort);
    deliveries(inbox, password, mails, label);

    log(logins + " sequential IMAP logins as " + inbox);
    long wall = System.nanoTime();
    for (int i = 1; i <= logins; i++) {
      long begin = System.nanoTime();
      try (Imap session = Imap.open()) {
        if (!session.login(inbox, password)) {
          throw new IllegalStateException("IMAP LOGIN " + i + " as " + inbox + " was refused");
        }
        RESULTS.logins.add(millisSince(begin));
        session.logout();
      }
    }
    RESULTS.loginSeconds = (System.nanoTime() - wall) / 1e9;

    log(wrong + " IMAP logins as " + inbox + " with a wrong password (Dovecot delays each NO)");
    for (int i = 0; i < wrong; i++) {
      RESULTS.wrongTried++;
      try (Imap session = Imap.open()) {
        if (session.login(inbox, password + "-wrong")) {
          throw new IllegalStateException("IMAP LOGIN as " + inbox + " with a wrong password was answered OK");
        }
        RESULTS.wrongRefused++;
      }
    }
    // One good login clears the penalty those refusals left on 127.0.0.1 for whoever comes next.
    try (Imap session = Imap.open()) {
      session.login(inbox, password);
    }
  }

  /** Creates a mailbox and times it: create request → API status ACTIVE → first LOGIN OK. */
  static MailboxSample mailboxSample(
      String customer, String mailDomain, String address, String password, int quotaMb)
      throws Exception {
    String localPart = address.substring(0, address.indexOf('@'));
    String body =
        "{\"localPart\":\"" + localPart + "\",\"password\":\"" + password + "\",\"quotaMb\":" + quotaMb + "}";
    String path = "/api/v1/mail/domains/" + mailDomain + "/mailboxes";
    long start = System.nanoTime();
    String id = field(call("POST", path, customer, body, 201), "id");
    waitFor(customer, "/api/v1/mail/mailboxes/" + id, "mailbox " + address, start);
    double active = millisSince(start);
    int refused = 0;
    while (true) {
      try (Imap session = Imap.open()) {
        if (session.login(address, password)) {
          double login = millisSince(start);
          session.logout();
          log(String.format("%s: ACTIVE after %.0f ms, IMAP login after %.0f ms", address, active, login));
          return new MailboxSample(id, address, active, login, refused);
        }
      }
      refused++;
      if (System.nanoTime() - start > TIMEOUT_NANOS) {
        throw new NeverHappened(
            "IMAP LOGIN as " + address + " still refused 60 s after the mailbox was created ("
                + refused + " tries; see the mail home's logs/dovecot.log)");
      }
      Thread.sleep(LOGIN_POLL_MILLIS);
    }
  }

  /** Sends the messages one by one and times each until the watching IMAP session counts it. */
  static void deliveries(String address, String password, int mails, String label) throws Exception {
    try (Imap watcher = Imap.open()) {
      if (!watcher.login(address, password)) {
        throw new IllegalStateException("IMAP LOGIN as " + address + " was refused");
      }
      int messages = watcher.messages();
      for (int i = 1; i <= mails; i++) {
        long sent = System.nanoTime();
        Smtp.deliver(address, "bench " + label + " " + i);
        RESULTS.queued.add(millisSince(sent));
        while (watcher.messages() <= messages) {
          if (System.nanoTime() - sent > TIMEOUT_NANOS) {
            throw new NeverHappened(
                "message " + i + " to " + address + " not in its INBOX 60 s after it was sent"
                    + " (see the mail home's logs/postfix.log and logs/dovecot.log)");
          }
          Thread.sleep(INBOX_POLL_MILLIS);
        }
        RESULTS.visible.add(millisSince(sent));
        messages++;
      }
      watcher.logout();
    }
  }

  static void print(int mailboxes, int mails, int logins, int wrong, String failure) {
    Results r = RESULTS;
    System.out.println("## Email turned on → mail domain ACTIVE");
    System.out.println();
    System.out.printf(
        "%s: %s (one sample: `POST /api/v1/mail/domains` sent → `GET` reads ACTIVE, polled every 20 ms;"
            + " DKIM key, MX/SPF/DKIM/DMARC in the hosted zone, OpenDKIM tables, Postfix reload).%n",
        r.domain, r.emailOn == null ? "not reached" : String.format("%.0f ms", r.emailOn));
    System.out.println();

    System.out.println("## Mailbox created → first IMAP login");
    System.out.println();
    header();
    List<Double> active = r.mailboxes.stream().map(MailboxSample::active).toList();
    List<Double> login = r.mailboxes.stream().map(MailboxSample::login).toList();
    row("API status ACTIVE", mailboxes, active);
    row("first IMAP LOGIN OK", mailboxes, login);
    System.out.println();
    int refused = r.mailboxes.stream().mapToInt(MailboxSample::refused).sum();
    System.out.printf(
        "LOGINs refused after ACTIVE, before the first OK: %d in all. Not in the table: `inbox@`,"
            + " the mailbox kept for the run, made first (%s).%n",
        refused,
        r.inbox == null
            ? "not reached"
            : String.format("ACTIVE after %.0f ms, login after %.0f ms", r.inbox.active(), r.inbox.login()));
    System.out.println();
    System.out.println("| sample | address | ACTIVE (ms) | IMAP LOGIN OK (ms) | refused before OK |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (int i = 0; i < r.mailboxes.size(); i++) {
      MailboxSample s = r.mailboxes.get(i);
      System.out.printf("| %d | %s | %.0f | %.0f | %d |%n", i + 1, s.address(), s.active(), s.login(), s.refused());
    }
    System.out.println();

    System.out.println("## SMTP → INBOX");
    System.out.println();
    header();
    row("SMTP 250 after DATA (queued)", mails, r.queued);
    row("`STATUS INBOX (MESSAGES)` counts it", mails, r.visible);
    System.out.println();

    System.out.println("## IMAP logins");
    System.out.println();
    header();
    row("connect → LOGIN OK (then LOGOUT)", logins, r.logins);
    System.out.println();
    if (!r.logins.isEmpty() && r.logins.size() == logins) {
      System.out.printf(
          "%d sequential logins in %.2f s (LOGOUT included): **%.1f logins/s**.%n",
          logins, r.loginSeconds, logins / r.loginSeconds);
    }
    System.out.printf(
        "Wrong password: %d of %d attempts answered NO (%d planned).%n",
        r.wrongRefused, r.wrongTried, wrong);
    if (failure != null) {
      System.out.println();
      System.out.println("**The run stopped:** " + failure);
    }
  }

  static void header() {
    System.out.println("| clock stops at | n | reached | p50 (ms) | p95 (ms) | max (ms) |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
  }

  static void row(String name, int planned, List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        "| %s | %d | %d | %s | %s | %s |%n",
        name,
        planned,
        sorted.size(),
        ms(pct(sorted, 50)),
        ms(pct(sorted, 95)),
        ms(sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1)));
  }

  /** Nearest-rank percentile, as the other bench programs compute it. */
  static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i));
  }

  static String ms(double millis) {
    return Double.isNaN(millis) ? "—" : millis < 10 ? String.format("%.1f", millis) : String.format("%.0f", millis);
  }

  static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  static void log(String line) {
    System.err.println("[bench] " + line);
  }

  /** A raw IMAP connection: tagged commands, untagged answers collected until the tagged one. */
  static final class Imap implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private int tag;

    private Imap(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      this.out = socket.getOutputStream();
    }

    static Imap open() throws IOException {
      Socket socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(HOST, imapPort), SOCKET_TIMEOUT_MILLIS);
      socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
      Imap imap = new Imap(socket);
      String greeting = imap.line();
      if (!greeting.startsWith("* OK")) {
        imap.close();
        throw new IllegalStateException("IMAP on " + HOST + ":" + imapPort + " greeted " + greeting);
      }
      return imap;
    }

    /** True when LOGIN is answered OK, false when NO; anything else stops the run. */
    boolean login(String user, String password) throws IOException {
      List<String> answer = command("LOGIN " + quoted(user) + " " + quoted(password));
      String result = status(answer);
      if (result.equals("OK") || result.equals("NO")) {
        return result.equals("OK");
      }
      throw new IllegalStateException("IMAP LOGIN as " + user + " answered " + last(answer));
    }

    /** The INBOX's message count, from {@code STATUS INBOX (MESSAGES)}. */
    int messages() throws IOException {
      List<String> answer = command("STATUS INBOX (MESSAGES)");
      Matcher m = Pattern.compile("^\\* STATUS .*\\(MESSAGES (\\d+)\\)", Pattern.MULTILINE).matcher(String.join("\n", answer));
      if (!status(answer).equals("OK") || !m.find()) {
        throw new IllegalStateException("IMAP STATUS INBOX answered " + answer);
      }
      return Integer.parseInt(m.group(1));
    }

    void logout() throws IOException {
      command("LOGOUT");
    }

    private List<String> command(String command) throws IOException {
      String t = "b" + (++tag);
      out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      List<String> lines = new ArrayList<>();
      while (true) {
        String line = line();
        lines.add(line);
        if (line.startsWith(t + " ")) {
          return lines;
        }
      }
    }

    private String line() throws IOException {
      String line;
      try {
        line = in.readLine();
      } catch (SocketTimeoutException e) {
        throw new NeverHappened("IMAP on " + HOST + ":" + imapPort + " did not answer within 60 s");
      }
      if (line == null) {
        throw new IllegalStateException("IMAP on " + HOST + ":" + imapPort + " closed the connection");
      }
      return line;
    }

    private static String status(List<String> answer) {
      String[] words = last(answer).split(" ", 3);
      return words.length > 1 ? words[1] : "";
    }

    private static String last(List<String> answer) {
      return answer.get(answer.size() - 1);
    }

    private static String quoted(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Plain SMTP as another mail server would speak it to the MX: no TLS, no AUTH. */
  static final class Smtp {
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** Sends one short message to the address; returns once the server has queued it (250). */
    static void deliver(String to, String subject) throws IOException {
      try (Socket socket = new Socket()) {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(HOST, smtpPort), SOCKET_TIMEOUT_MILLIS);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        expect(in, 220, "greeting");
        send(out, "EHLO bench.berth.test");
        expect(in, 250, "EHLO");
        send(out, "MAIL FROM:<bench@berth.test>");
        expect(in, 250, "MAIL FROM");
        send(out, "RCPT TO:<" + to + ">");
        expect(in, 250, "RCPT TO");
        send(out, "DATA");
        expect(in, 354, "DATA");
        send(
            out,
            "From: Berth bench <bench@berth.test>\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: " + DATE.format(ZonedDateTime.now()) + "\r\n"
                + "Message-ID: <" + System.nanoTime() + "." + subject.replace(' ', '.') + "@bench.berth.test>\r\n"
                + "\r\n"
                + "Delivery latency sample.\r\n"
                + ".");
        expect(in, 250, "end of DATA");
        send(out, "QUIT");
        expect(in, 221, "QUIT");
      }
    }

    private static void send(OutputStream out, String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /** Reads a reply (its continuation lines too) and checks its code. */
    private static void expect(BufferedReader in, int code, String step) throws IOException {
      StringBuilder reply = new StringBuilder();
      String line;
      do {
        try {
          line = in.readLine();
        } catch (SocketTimeoutException e) {
          throw new NeverHappened("SMTP on " + HOST + ":" + smtpPort + " did not answer " + step + " within 60 s");
        }
        if (line == null) {
          throw new IllegalStateException("SMTP on " + HOST + ":" + smtpPort + " closed the connection at " + step);
        }
        reply.append(line).append(' ');
      } while (line.length() > 3 && line.charAt(3) == '-');
      if (!reply.toString().startsWith(Integer.toString(code))) {
        throw new IllegalStateException("SMTP " + step + " answered " + reply.toString().trim());
      }
    }
  }

  /** Polls a resource every 20 ms until its status is ACTIVE; FAILED or 60 s stop the run. */
  static String waitFor(String token, String path, String what, long start) throws Exception {
    String last = "";
    while (System.nanoTime() - start < TIMEOUT_NANOS) {
      last = call("GET", path, token, null, 200);
      String status = field(last, "status");
      if (status.equals("ACTIVE")) {
        return last;
      }
      if (status.equals("FAILED")) {
        throw new IllegalStateException(what + " FAILED: " + last);
      }
      Thread.sleep(API_POLL_MILLIS);
    }
    throw new NeverHappened(what + " not ACTIVE after 60 s: " + last);
  }

  static String orderBody(String name) throws Exception {
    return "{\"planId\":" + planId("Trial") + ",\"siteName\":\"" + name + "\",\"app\":\"static\"}";
  }

  static String signUp(String email) throws Exception {
    String password = "Bench-password-" + email.hashCode();
    call("POST", "/api/v1/signup", null, json("email", email, "password", password), 201);
    return field(call("POST", "/api/v1/tokens", null, json("email", email, "password", password), 201), "token");
  }

  static String planId(String name) throws Exception {
    String plans = call("GET", "/api/v1/plans", null, null, 200);
    Matcher m = Pattern.compile("\\{[^{}]*?\"id\"\\s*:\\s*(\\d+)[^{}]*?\"name\"\\s*:\\s*\"" + name + "\"").matcher(plans);
    if (!m.find()) {
      throw new IllegalStateException("no plan " + name + " in " + plans);
    }
    return m.group(1);
  }

  static String json(String k1, String v1, String k2, String v2) {
    return "{\"" + k1 + "\":\"" + v1 + "\",\"" + k2 + "\":\"" + v2 + "\"}";
  }

  /** The first value of a top-level field (the answers read here have it before any nesting). */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static String call(String method, String path, String token, String body, int... ok)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(panel + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (int code : ok) {
      if (response.statusCode() == code) {
        return response.body();
      }
    }
    throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
  }
}
