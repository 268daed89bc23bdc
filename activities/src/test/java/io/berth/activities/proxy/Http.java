package io.berth.activities.proxy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 to 127.0.0.1 with any Host header, as a browser that resolves {@code *.localhost} sends
 * it (java.net.http refuses to set Host).
 */
final class Http {

  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private Http() {}

  static Response get(int port, String host) throws IOException {
    return request("GET", port, host, "/", Map.of());
  }

  static Response request(
      String method, int port, String host, String path, Map<String, String> headers)
      throws IOException {
    try (Socket socket = connect(port)) {
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      head.append("Host: ").append(host).append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      Response response = readHead(in);
      byte[] body = method.equals("HEAD") ? new byte[0] : readBody(in, response.headers());
      return new Response(
          response.status(), response.headers(), new String(body, StandardCharsets.UTF_8));
    }
  }

  static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Reads a status line and headers; the body stays in the stream. */
  static Response readHead(InputStream in) throws IOException {
    String statusLine = readLine(in);
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), readHeaders(in), "");
  }

  /** Reads header lines up to the empty one; names in lower case. */
  static Map<String, String> readHeaders(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return headers;
  }

  private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
    if (headers.containsKey("content-length")) {
      return in.readNBytes(Integer.parseInt(headers.get("content-length")));
    }
    if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return in.readAllBytes();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
      body.write(in.readNBytes(size));
      readLine(in);
    }
    return body.toByteArray();
  }

  private static int chunkSize(InputStream in) throws IOException {
    return Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
  }

  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("Connection closed in the middle of a line: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
