package io.berth.activities.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.0 to a site container's port on 127.0.0.1 with the Host header a browser would send for
 * the site's address (java.net.http refuses to set Host). HTTP/1.0, so the body simply ends with
 * the connection.
 */
public final class SiteHttp {

  /** An answer; header names in lower case, repeated headers (Set-Cookie) kept in order. */
  public record Response(int status, List<Map.Entry<String, String>> headers, String body) {

    public String header(String name) {
      return headers(name).stream().findFirst().orElse(null);
    }

    public List<String> headers(String name) {
      String key = name.toLowerCase(Locale.ROOT);
      return headers.stream().filter(h -> h.getKey().equals(key)).map(Map.Entry::getValue).toList();
    }
  }

  private SiteHttp() {}

  public static Response get(int port, String host, String path) throws IOException {
    return request("GET", port, host, path, Map.of(), null);
  }

  /** GETs until the site answers at all (its container may still be starting), up to 60 s. */
  public static Response getWhenUp(int port, String host, String path) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try {
        Response response = get(port, host, path);
        if (response.status() != 502 && response.status() != 503) {
          return response;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("Nothing answered on 127.0.0.1:" + port + path, last);
  }

  public static Response request(
      String method, int port, String host, String path, Map<String, String> headers, String body)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout(20_000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(path).append(" HTTP/1.0\r\n");
      head.append("Host: ").append(host).append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null) {
        head.append("Content-Length: ").append(content.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private static Response read(InputStream in) throws IOException {
    String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int end = all.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("No complete HTTP answer: " + all);
    }
    String[] lines = all.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          Map.entry(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).trim()));
    }
    return new Response(status, headers, all.substring(end + 4));
  }
}
