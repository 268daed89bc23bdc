import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Domain attached → site served over HTTPS, on a running platform and through REST API v1 only.
 * Each sample is a new customer (so the Trial plan's one site never interferes) who orders the
 * Trial plan's static site and waits for it ACTIVE, adds the hosted domain {@code
 * b<run><i>.test} and waits for its DNS check (domain ACTIVE). Then the clock starts when the
 * attach request is sent and stops at the first {@code curl} over HTTPS on the proxy that answers
 * 200 while trusting only the CA's root, polled every 100 ms; a second poller records when the
 * API's certificate status first reads ISSUED. Samples run one after the other. Prints a Markdown
 * summary and one line per sample. Usage: java bench/AttachToHttps.java <panel-url> <https-port>
 * <ca-root.pem> <n>
 */
public class AttachToHttps {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final long POLL_MILLIS = 100;
  static final long SETUP_TIMEOUT_NANOS = 120_000_000_000L;
  static final long HTTPS_TIMEOUT_NANOS = 180_000_000_000L;
  static String panel;
  static int httpsPort;
  static String caRoot;

  /** One sample's two clocks, in seconds from the attach request; null when never reached. */
  record Sample(String domain, Double served, Double issued, String note) {}

  public static void main(String[] args) throws Exception {
    panel = args[0];
    httpsPort = Integer.parseInt(args[1]);
    caRoot = args[2];
    int n = Integer.parseInt(args[3]);
    String run = Long.toString(System.currentTimeMillis() % 100000, 36);
    String trial = planId("Trial");

    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Sample sample = sample(trial, "b" + run + i);
      System.err.printf(
          "[bench] %s: HTTPS 200 after %s s, ISSUED after %s s%s%n",
          sample.domain(),
          seconds(sample.served()),
          seconds(sample.issued()),
          sample.note() == null ? "" : " (" + sample.note() + ")");
      samples.add(sample);
    }

    List<Double> served = samples.stream().map(Sample::served).filter(Objects::nonNull).toList();
    List<Double> issued = samples.stream().map(Sample::issued).filter(Objects::nonNull).toList();
    System.out.printf("| clock stops at | samples | reached | p50 (s) | p95 (s) | min (s) | max (s) |%n");
    System.out.printf("| --- | --- | --- | --- | --- | --- | --- |%n");
    row("first HTTPS 200 (curl, Pebble root)", n, served);
    row("API certificate status ISSUED", n, issued);
    System.out.println();
    System.out.printf("| sample | domain | HTTPS 200 (s) | ISSUED (s) |%n");
    System.out.printf("| --- | --- | --- | --- |%n");
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      System.out.printf(
          "| %d | %s | %s | %s |%n",
          i + 1,
          s.domain() + (s.note() == null ? "" : " (" + s.note() + ")"),
          seconds(s.served()),
          seconds(s.issued()));
    }
    if (served.size() < n) {
      System.exit(1);
    }
  }

  /** Sets up a live site and an active hosted domain, then times attach → HTTPS. */
  static Sample sample(String plan, String label) throws Exception {
    String domain = label + ".test";
    String customer = signUp(label + "@berth.test");
    String order = field(call("POST", "/api/v1/orders", customer, orderBody(plan, label), 202), "id");
    String site = field(waitFor(customer, "/api/v1/orders/" + order, "ACTIVE", "FAILED"), "siteId");
    String body = "{\"name\":\"" + domain + "\",\"mode\":\"HOSTED\"}";
    String id = field(call("POST", "/api/v1/domains", customer, body, 201), "id");
    waitFor(customer, "/api/v1/domains/" + id, "ACTIVE", "FAILED");

    long start = System.nanoTime();
    call("POST", "/api/v1/domains/" + id + "/site", customer, "{\"siteId\":" + site + "}", 200);
    CompletableFuture<Double> issued =
        CompletableFuture.supplyAsync(() -> untilIssued(customer, site, start));
    Double served = untilServed(domain, start);
    Double issuedAfter = issued.join();
    String note = null;
    if (served == null) {
      String certificate = call("GET", "/api/v1/sites/" + site + "/certificate", customer, null, 200);
      note = "not served; certificate " + field(certificate, "status") + ": " + optional(certificate, "lastFailure");
    }
    return new Sample(domain, served, issuedAfter, note);
  }

  /** Seconds from start to the first 200 over HTTPS trusting only the CA root; null on timeout. */
  static Double untilServed(String domain, long start) throws Exception {
    String hostPort = domain + ":" + httpsPort;
    while (System.nanoTime() - start < HTTPS_TIMEOUT_NANOS) {
      Process curl =
          new ProcessBuilder(
                  "curl", "-s", "--noproxy", "*", "--max-time", "5", "-o", "/dev/null",
                  "-w", "%{http_code}", "--cacert", caRoot,
                  "--resolve", hostPort + ":127.0.0.1", "https://" + hostPort + "/")
              .redirectErrorStream(true)
              .start();
      String code = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      curl.waitFor();
      if (code.trim().equals("200")) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return null;
  }

  /** Seconds from start until the API reports the site's certificate ISSUED; null on timeout. */
  static Double untilIssued(String customer, String site, long start) {
    try {
      while (System.nanoTime() - start < HTTPS_TIMEOUT_NANOS) {
        String certificate = call("GET", "/api/v1/sites/" + site + "/certificate", customer, null, 200);
        if (field(certificate, "status").equals("ISSUED")) {
          return (System.nanoTime() - start) / 1e9;
        }
        Thread.sleep(POLL_MILLIS);
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls a resource until its status is {@code done}; fails on {@code failed} or timeout. */
  static String waitFor(String token, String path, String done, String failed) throws Exception {
    long start = System.nanoTime();
    String last = "";
    while (System.nanoTime() - start < SETUP_TIMEOUT_NANOS) {
      last = call("GET", path, token, null, 200);
      String status = field(last, "status");
      if (status.equals(done)) {
        return last;
      }
      if (status.equals(failed)) {
        throw new IllegalStateException(path + " failed: " + last);
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(path + " not " + done + " after 120 s: " + last);
  }

  static void row(String name, int samples, List<Double> seconds) {
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    System.out.printf(
        "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f |%n",
        name,
        samples,
        sorted.size(),
        pct(sorted, 50),
        pct(sorted, 95),
        sorted.isEmpty() ? Double.NaN : sorted.get(0),
        sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
  }

  /** Nearest-rank percentile, as PaidToLive computes it. */
  static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i));
  }

  static String seconds(Double s) {
    return s == null ? "—" : String.format("%.2f", s);
  }

  static String orderBody(String plan, String name) {
    return "{\"planId\":" + plan + ",\"siteName\":\"" + name + "\",\"app\":\"static\"}";
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

  static String optional(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    return m.find() ? m.group(1) : "none";
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
