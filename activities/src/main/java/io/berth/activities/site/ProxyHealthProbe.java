package io.berth.activities.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Fetches {@code /} of a site through the host's reverse proxy, with the site's address in the
 * {@code Host} header exactly as a visitor's browser sends it: the host name and the proxy's port
 * ({@code blog.berth.localhost:8880}; the port left out when it is 80). Apps that know their own
 * address, like WordPress, redirect a request for any other one. A plain HTTP/1.1 exchange on a
 * socket: {@code java.net.http} refuses to set {@code Host}.
 */
public class ProxyHealthProbe {

  private final String proxyHost;
  private final int proxyPort;
  private final int timeoutMillis;

  /** A probe of the proxy listening on {@code listen} ({@code host:port}), 3 s per request. */
  public static ProxyHealthProbe forListen(String listen) {
    int colon = listen.lastIndexOf(':');
    return new ProxyHealthProbe(
        listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)), 3000);
  }

  public ProxyHealthProbe(String proxyHost, int proxyPort, int timeoutMillis) {
    this.proxyHost = proxyHost;
    this.proxyPort = proxyPort;
    this.timeoutMillis = timeoutMillis;
  }

  /** The HTTP status code the proxy answers for {@link #url}{@code (hostname)}. */
  public int status(String hostname) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(proxyHost, proxyPort), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET / HTTP/1.1\r\nHost: "
                  + authority(hostname)
                  + "\r\nUser-Agent: berth-health\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return parseStatus(socket.getInputStream());
    }
  }

  /** The address probed, for messages: {@code http://blog.berth.localhost:8880/}. */
  public String url(String hostname) {
    return "http://" + authority(hostname) + "/";
  }

  private String authority(String hostname) {
    return proxyPort == 80 ? hostname : hostname + ":" + proxyPort;
  }

  private static int parseStatus(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n' && line.length() < 200) {
      line.append((char) c);
    }
    String[] parts = line.toString().trim().split(" ");
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("The proxy sent no HTTP answer");
    }
    return Integer.parseInt(parts[1]);
  }
}
