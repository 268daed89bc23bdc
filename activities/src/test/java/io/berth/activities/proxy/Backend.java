package io.berth.activities.proxy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Stands in for a site's container: answers every request with its body on a loopback port. */
final class Backend implements AutoCloseable {

  private final HttpServer server;
  private final String body;
  private final AtomicReference<Headers> lastRequestHeaders = new AtomicReference<>();
  private final AtomicInteger requests = new AtomicInteger();

  private Backend(HttpServer server, String body) {
    this.server = server;
    this.body = body;
  }

  /** Starts on a free port. */
  static Backend start(String body) throws IOException {
    return start(0, body);
  }

  /** Starts on the given port, e.g. to bring a stopped site back where it was. */
  static Backend start(int port, String body) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    Backend backend = new Backend(server, body);
    server.createContext(
        "/",
        exchange -> {
          backend.lastRequestHeaders.set(exchange.getRequestHeaders());
          backend.requests.incrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return backend;
  }

  int port() {
    return server.getAddress().getPort();
  }

  String body() {
    return body;
  }

  /** The headers of the last request that reached this backend. */
  Headers lastRequestHeaders() {
    return lastRequestHeaders.get();
  }

  /** How many requests reached this backend. */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
