package io.berth.activities.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProxyHealthProbeTest {

  @Test
  void theHostHeaderCarriesTheProxysPort_asABrowsersDoes() throws Exception {
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> host = answerOnce(proxy, "HTTP/1.1 301 Moved Permanently");
      var probe = new ProxyHealthProbe("127.0.0.1", proxy.getLocalPort(), 3000);

      int status = probe.status("blog.berth.localhost");

      assertThat(status).isEqualTo(301);
      assertThat(host.get()).isEqualTo("blog.berth.localhost:" + proxy.getLocalPort());
      assertThat(probe.url("blog.berth.localhost"))
          .isEqualTo("http://blog.berth.localhost:" + proxy.getLocalPort() + "/");
    }
  }

  @Test
  void onPort80TheHostHeaderIsTheBareName() {
    assertThat(new ProxyHealthProbe("127.0.0.1", 80, 1000).url("blog.example.com"))
        .isEqualTo("http://blog.example.com/");
  }

  /** Answers one request with the status line; completes with the request's Host header. */
  private static CompletableFuture<String> answerOnce(ServerSocket server, String statusLine) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket socket = server.accept()) {
            var in =
                new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String host = null;
            for (String line = in.readLine();
                line != null && !line.isEmpty();
                line = in.readLine()) {
              if (line.regionMatches(true, 0, "Host:", 0, 5)) {
                host = line.substring(5).trim();
              }
            }
            socket
                .getOutputStream()
                .write(
                    (statusLine + "\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            return host;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
