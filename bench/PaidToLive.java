import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paid→live latency on a running platform: for each order on the Starter plan (each by a new
 * customer, so plan limits never interfere), the clock starts when support marks it paid (admin
 * API) and stops when the site answers 200 through the proxy. For static sites it runs N
 * sequential orders, then N concurrent ones; for WordPress N sequential ones, ready when both the
 * front page and wp-login.php answer 200. Prints a Markdown table. Usage: java
 * bench/PaidToLive.java <panel-url> <proxy-port> <admin-email> <admin-pw> <n> [static|wordpress]
 */
public class PaidToLive {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String panel;
  static int proxyPort;
  static String app = "static";

  public static void main(String[] args) throws Exception {
    panel = args[0];
    proxyPort = Integer.parseInt(args[1]);
    String admin = token(args[2], args[3]);
    int n = Integer.parseInt(args[4]);
    app = args.length > 5 ? args[5] : "static";
    String run = Long.toString(System.currentTimeMillis() % 100000, 36);
    String starter = planId("Starter");

    List<Double> sequential = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = app.substring(0, 2) + "seq" + run + i;
      sequential.add(paidToLive(signUp(name + "@berth.test"), admin, starter, name));
    }
    if (app.equals("wordpress")) {
      System.out.printf("| run | orders | live | p50 (s) | p95 (s) | max (s) |%n");
      System.out.printf("| --- | --- | --- | --- | --- | --- |%n");
      row("sequential", n, sequential.size(), sequential);
      return;
    }

    List<String> names = new ArrayList<>();
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("par" + run + i);
      orders.add(order(signUp(names.get(i) + "@berth.test"), starter, names.get(i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<Double>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = orders.get(i);
      String name = names.get(i);
      results.add(pool.submit(() -> markPaidAndWait(admin, id, name)));
    }
    List<Double> concurrent = new ArrayList<>();
    int live = 0;
    for (Future<Double> f : results) {
      Double seconds = f.get();
      if (seconds != null) {
        concurrent.add(seconds);
        live++;
      }
    }
    pool.shutdown();

    System.out.printf("| run | orders | live | p50 (s) | p95 (s) | max (s) |%n");
    System.out.printf("| --- | --- | --- | --- | --- | --- |%n");
    row("sequential", n, sequential.size(), sequential);
    row("concurrent", n, live, concurrent);
  }

  static double paidToLive(String customer, String admin, String plan, String name)
      throws Exception {
    String id = order(customer, plan, name);
    Double seconds = markPaidAndWait(admin, id, name);
    if (seconds == null) {
      throw new IllegalStateException("site " + name + " did not go live");
    }
    return seconds;
  }

  /** Seconds from "mark paid" to the site's first 200 through the proxy; null after 120 s. */
  static Double markPaidAndWait(String admin, String orderId, String name) throws Exception {
    long start = System.nanoTime();
    call("POST", "/api/v1/admin/orders/" + orderId + "/mark-paid", admin, null, 200, 202, 204);
    String host = name + ".berth.localhost" + (app.equals("wordpress") ? ":" + proxyPort : "");
    while (System.nanoTime() - start < 120_000_000_000L) {
      if (status(host, "/") == 200
          && (!app.equals("wordpress") || status(host, "/wp-login.php") == 200)) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(25);
    }
    return null;
  }

  static void row(String name, int orders, int live, List<Double> seconds) {
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    System.out.printf(
        "| %s | %d | %d | %.2f | %.2f | %.2f |%n",
        name, orders, live, pct(sorted, 50), pct(sorted, 95), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
  }

  static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i));
  }

  static String signUp(String email) throws Exception {
    String password = "Bench-password-" + email.hashCode();
    call("POST", "/api/v1/signup", null, json("email", email, "password", password), 201);
    return token(email, password);
  }

  static String token(String email, String password) throws Exception {
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

  static String order(String token, String plan, String name) throws Exception {
    String body =
        "{\"planId\":" + plan + ",\"siteName\":\"" + name + "\",\"app\":\"" + app + "\""
            + (app.equals("wordpress") ? ",\"title\":\"Bench " + name + "\"" : "")
            + "}";
    return field(call("POST", "/api/v1/orders", token, body, 202), "id");
  }

  static String json(String k1, String v1, String k2, String v2) {
    return "{\"" + k1 + "\":\"" + v1 + "\",\"" + k2 + "\":\"" + v2 + "\"}";
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static String call(String method, String path, String token, String body, int... ok)
      throws Exception {
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

  static int status(String host, String path) {
    try (Socket socket = new Socket("127.0.0.1", proxyPort)) {
      socket.setSoTimeout(3000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] head = socket.getInputStream().readNBytes(12);
      return Integer.parseInt(new String(head, StandardCharsets.US_ASCII).substring(9, 12));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
