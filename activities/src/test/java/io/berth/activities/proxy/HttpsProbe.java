package io.berth.activities.proxy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a visitor's HTTPS client sees on 127.0.0.1 for a host name: curl's answer, and the serial of
 * the certificate served (checked against the test CA and the name, as a browser would).
 */
public final class HttpsProbe {

  private HttpsProbe() {}

  /** {@code curl --cacert <ca> --resolve <host>:<port>:127.0.0.1 https://<host>:<port><path>}. */
  public static Command.Result curl(int port, String host, String path, Path ca) throws Exception {
    return Command.run(
        List.of(
            "curl",
            "-sS",
            "--noproxy",
            "*",
            "--max-time",
            "10",
            "--cacert",
            ca.toString(),
            "--resolve",
            host + ":" + port + ":127.0.0.1",
            "https://" + host + ":" + port + path));
  }

  /** The serial (lower-case hex) of the leaf served for the name; throws if it is not trusted. */
  static String servedSerial(int port, String host, Path ca) throws Exception {
    try (InputStream in = Files.newInputStream(ca)) {
      return servedSerial(
          port,
          host,
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
  }

  /**
   * The serial (lower-case hex) of the leaf served for the name on 127.0.0.1, with SNI and host
   * name checks; throws unless it chains to {@code trusted}.
   */
  public static String servedSerial(int port, String host, X509Certificate trusted)
      throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("trusted", trusted);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers.getTrustManagers(), null);
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    plain.setSoTimeout(10_000);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(host)));
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      return leaf.getSerialNumber().toString(16);
    }
  }
}
