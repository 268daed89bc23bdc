import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backups, restores and logs of one running site, through REST API v1 and nginx on 127.0.0.1.
 * One customer orders the Trial plan's static site and waits for it ACTIVE; {@code <megabytes>}
 * MiB of random files (in 1 MiB files over 4 directories) are written into the site's volume with
 * {@code docker exec}. Then, one after the other, {@code <samples>} times:
 *
 * <ol>
 *   <li>back up now: from sending {@code POST /api/v1/sites/{id}/backups} to {@code GET
 *       /api/v1/backups/{id}} reading VERIFIED (archive, checksums, restore to a scratch container
 *       and its check, retention), polled every 50 ms; the API's own archive duration and size are
 *       kept too;
 *   <li>restore it into the live site: from sending {@code POST /api/v1/backups/{id}/restore} to
 *       {@code GET /api/v1/restores/{id}} reading COMPLETED (the pre-restore backup with its
 *       verification, the checksum check, staging, the swap, the health check and the clean-up).
 *       Meanwhile the site's front page is fetched through nginx every 10 ms: the longest run of
 *       answers other than 200 is the time the site was unavailable;
 *   <li>the last 1000 lines of the site's nginx access log through {@code GET
 *       /api/v1/sites/{id}/logs?source=proxy&lines=1000} (panel → host agent → file).
 * </ol>
 *
 * <p>Prints Markdown tables (nearest-rank percentiles). Whatever does not happen within 5 minutes
 * stops the run: what was measured is printed, the reason goes to stderr and the exit status is 1.
 * Usage: {@code java bench/BackupRestore.java <panel-url> <nginx-http-port> <megabytes> <samples>}
 */
public class BackupRestore {

  static final String USAGE =
      """
      usage: java bench/BackupRestore.java <panel-url> <nginx-http-port> <megabytes> <samples>
        e.g. java bench/BackupRestore.java http://127.0.0.1:8080 8880 50 5""";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final long TIMEOUT_NANOS = 300_000_000_000L;

  static String panel;
  static int nginxPort;

  static final List<Double> backups = new ArrayList<>();
  static final List<Double> archives = new ArrayList<>();
  static final List<Double> sizes = new ArrayList<>();
  static final List<Double> restores = new ArrayList<>();
  static final List<Double> unavailable = new ArrayList<>();
  static final List<Double> logReads = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println(USAGE);
      System.exit(2);
    }
    panel = args[0];
    nginxPort = Integer.parseInt(args[1]);
    int megabytes = Integer.parseInt(args[2]);
    int samples = Integer.parseInt(args[3]);
    String failure = null;
    try {
      run(megabytes, samples);
    } catch (IllegalStateException | IOException e) {
      failure = e.getMessage();
    }
    print(megabytes, samples, failure);
    if (failure != null) {
      System.err.println("[bench] stopped: " + failure);
      System.exit(1);
    }
  }

  static void run(int megabytes, int samples) throws Exception {
    String label = "b" + Long.toString(System.currentTimeMillis() % 100000, 36);
    log("customer " + label + "@berth.test orders the Trial plan's static site");
    String customer = signUp(label + "@berth.test");
    String order = field(call("POST", "/api/v1/orders", customer, orderBody(label), 202), "id");
    waitFor(customer, "/api/v1/orders/" + order, "ACTIVE", "order " + order);
    String site = siteId(call("GET", "/api/v1/sites", customer, null, 200), label);
    log("writing " + megabytes + " MiB of random files into site " + site);
    docker(
        "exec", "-u", "0", "berth-site-" + site, "sh", "-c",
        "for i in $(seq 1 " + megabytes + "); do d=/srv/site/bench/d$((i % 4)); mkdir -p $d;"
            + " head -c 1048576 /dev/urandom > $d/f$i.bin; done");

    for (int i = 1; i <= samples; i++) {
      long start = System.nanoTime();
      String backup = field(call("POST", "/api/v1/sites/" + site + "/backups", customer, "{}", 202), "id");
      String done = waitFor(customer, "/api/v1/backups/" + backup, "VERIFIED", "backup " + backup);
      backups.add(millisSince(start));
      archives.add(Double.parseDouble(field(done, "durationMillis")));
      sizes.add(Double.parseDouble(field(done, "sizeBytes")) / 1048576.0);
      log(String.format("backup %s verified after %.0f ms", backup, backups.get(backups.size() - 1)));

      Prober prober = new Prober(label + ".berth.localhost");
      Thread probe = new Thread(prober, "front-page-prober");
      probe.start();
      start = System.nanoTime();
      String restore =
          field(call("POST", "/api/v1/backups/" + backup + "/restore", customer, "{}", 202), "id");
      waitFor(customer, "/api/v1/restores/" + restore, "COMPLETED", "restore " + restore);
      restores.add(millisSince(start));
      prober.stop.set(true);
      probe.join();
      unavailable.add(prober.longestOutageNanos.get() / 1e6);
      log(String.format(
          "restore %s completed after %.0f ms; front page unavailable for at most %.0f ms",
          restore, restores.get(restores.size() - 1), unavailable.get(unavailable.size() - 1)));

      start = System.nanoTime();
      String lines = call("GET", "/api/v1/sites/" + site + "/logs?source=proxy&lines=1000", customer, null, 200);
      logReads.add(millisSince(start));
      if (lines.isBlank()) {
        throw new IllegalStateException("the site's access log came back empty");
      }
    }
  }

  /** Fetches the front page through nginx every 10 ms and keeps the longest run of non-200s. */
  static final class Prober implements Runnable {
    final String host;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong longestOutageNanos = new AtomicLong();

    Prober(String host) {
      this.host = host;
    }

    @Override
    public void run() {
      long outageStart = -1;
      while (!stop.get()) {
        boolean ok;
        try {
          HttpRequest request =
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + "/"))
                  .header("Host", host)
                  .timeout(Duration.ofSeconds(2))
                  .build();
          ok = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
          ok = false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long now = System.nanoTime();
        if (!ok && outageStart < 0) {
          outageStart = now;
        } else if (ok && outageStart >= 0) {
          longestOutageNanos.accumulateAndGet(now - outageStart, Math::max);
          outageStart = -1;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (outageStart >= 0) {
        longestOutageNanos.accumulateAndGet(System.nanoTime() - outageStart, Math::max);
      }
    }
  }

  static void print(int megabytes, int samples, String failure) {
    System.out.printf("Site content: %d MiB of random files (incompressible).%n%n", megabytes);
    System.out.println("| clock stops at | n | reached | p50 | p95 | max |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    row("back up now → VERIFIED (ms)", samples, backups);
    row("archive + dump, as the backup records it (ms)", samples, archives);
    row("backup size (MiB)", samples, sizes);
    row("restore → COMPLETED (ms)", samples, restores);
    row("front page not answering 200 during the restore (ms)", samples, unavailable);
    row("last 1000 access-log lines through the API (ms)", samples, logReads);
    if (failure != null) {
      System.out.println();
      System.out.println("**The run stopped:** " + failure);
    }
  }

  static void row(String name, int planned, List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    System.out.printf(
        "| %s | %d | %d | %s | %s | %s |%n",
        name,
        planned,
        sorted.size(),
        num(pct(sorted, 50)),
        num(pct(sorted, 95)),
        num(sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1)));
  }

  /** Nearest-rank percentile, as the other bench programs compute it. */
  static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i));
  }

  static String num(double value) {
    return Double.isNaN(value) ? "—" : value < 10 ? String.format("%.1f", value) : String.format("%.0f", value);
  }

  static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  static void log(String line) {
    System.err.println("[bench] " + line);
  }

  static void docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("docker " + String.join(" ", args) + " failed: " + output);
    }
  }

  /** Polls a resource every 50 ms until its status is {@code wanted}; a failed end stops the run. */
  static String waitFor(String token, String path, String wanted, String what) throws Exception {
    long start = System.nanoTime();
    String last = "";
    while (System.nanoTime() - start < TIMEOUT_NANOS) {
      last = call("GET", path, token, null, 200);
      String status = field(last, "status");
      if (status.equals(wanted)) {
        return last;
      }
      if (status.equals("FAILED") || status.equals("CORRUPT") || status.equals("CANCELLED")) {
        throw new IllegalStateException(what + " ended " + status + ": " + last);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(what + " not " + wanted + " after 5 minutes: " + last);
  }

  static String siteId(String sites, String name) {
    Matcher m =
        Pattern.compile("\\{[^{}]*?\"id\"\\s*:\\s*(\\d+)[^{}]*?\"name\"\\s*:\\s*\"" + name + "\"")
            .matcher(sites);
    if (!m.find()) {
      throw new IllegalStateException("no site " + name + " in " + sites);
    }
    return m.group(1);
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
