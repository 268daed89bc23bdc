package io.berth.activities.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * A UDP DNS server on loopback that answers every query with one error code and nothing else: the
 * way to see a resolver's SERVFAIL without breaking a real server.
 */
final class RcodeResponder implements AutoCloseable {

  private final DatagramSocket socket;
  private final Thread thread;

  RcodeResponder(int rcode) throws IOException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(rcode), "rcode-responder");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve(int rcode) {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        Message query = new Message(Arrays.copyOf(buffer, packet.getLength()));
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.RA);
        reply.getHeader().setRcode(rcode);
        reply.addRecord(query.getQuestion(), Section.QUESTION);
        byte[] wire = reply.toWire();
        socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // a malformed query: ignore it, as a server would
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(2000);
  }
}
