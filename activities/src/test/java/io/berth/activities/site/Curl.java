package io.berth.activities.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A visitor's request through the host's reverse proxy, made with curl as a person checking a site
 * would: {@code http://<site host name>:<proxy port>/…}, the name resolved to 127.0.0.1.
 */
final class Curl {

  /** What the proxy answered; header names in lower case, the body as bytes. */
  record Response(int status, Map<String, String> headers, byte[] body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private Curl() {}

  static Response get(int proxyPort, String hostname, String path)
      throws IOException, InterruptedException {
    Path head = Files.createTempFile("berth-curl-", ".head");
    Path body = Files.createTempFile("berth-curl-", ".body");
    try {
      Process curl =
          new ProcessBuilder(
                  List.of(
                      "curl",
                      "-s",
                      "--noproxy",
                      "*",
                      "--max-time",
                      "20",
                      "--resolve",
                      hostname + ":" + proxyPort + ":127.0.0.1",
                      "-D",
                      head.toString(),
                      "-o",
                      body.toString(),
                      "http://" + hostname + ":" + proxyPort + path))
              .redirectErrorStream(true)
              .start();
      String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!curl.waitFor(30, TimeUnit.SECONDS) || curl.exitValue() != 0) {
        throw new IOException(
            "curl " + hostname + path + " failed (exit " + curl.exitValue() + "): " + output);
      }
      List<String> lines = Files.readAllLines(head, StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(lines.get(0).split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      return new Response(status, headers, Files.readAllBytes(body));
    } finally {
      Files.deleteIfExists(head);
      Files.deleteIfExists(body);
    }
  }

  /** GETs until the site itself answers (its container may still be starting), up to 60 s. */
  static Response getWhenServed(int proxyPort, String hostname, String path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Response last = null;
    while (System.nanoTime() < deadline) {
      last = get(proxyPort, hostname, path);
      if (last.status() != 502 && last.status() != 503) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        hostname + path + " still answers " + (last == null ? "nothing" : last.status()));
  }
}
