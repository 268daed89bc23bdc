package io.berth.activities.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A site that speaks WebSocket at the transport level: it answers an upgrade request with 101 and
 * then echoes every byte back, which is all a proxy has to carry.
 */
final class EchoUpgradeBackend implements AutoCloseable {

  private final ServerSocket server;
  private final Thread acceptor;

  EchoUpgradeBackend() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "echo-upgrade-backend");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        Http.readLine(in);
        Map<String, String> headers = Http.readHeaders(in);
        if (!"websocket".equalsIgnoreCase(headers.get("upgrade"))) {
          out.write(
              "HTTP/1.1 426 Upgrade Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
          continue;
        }
        out.write(
            ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        in.transferTo(out);
      } catch (IOException closed) {
        // the listener was closed or a client went away; serve the next one
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
