package io.berth.activities.certificate;

import io.berth.activities.proxy.Command;
import io.berth.activities.proxy.HttpsProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * A visitor of the host's nginx on 127.0.0.1 who trusts only one root (Pebble's): what curl gets
 * over HTTPS and plain HTTP for a name, and the serial of the certificate served for it.
 */
final class HttpsVisitor {

  private final Path rootPem;
  private final X509Certificate root;

  private HttpsVisitor(Path rootPem, X509Certificate root) {
    this.rootPem = rootPem;
    this.root = root;
  }

  /** Trusts the root, written as PEM to the file curl reads with {@code --cacert}. */
  static HttpsVisitor trusting(X509Certificate root, Path rootPem) throws Exception {
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(root.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    Files.writeString(rootPem, pem, StandardCharsets.US_ASCII);
    return new HttpsVisitor(rootPem, root);
  }

  /** {@code curl --cacert <root> --resolve <name>:<port>:127.0.0.1 https://<name>:<port>/}. */
  Command.Result https(String name, int port) throws Exception {
    return HttpsProbe.curl(port, name, "/", rootPem);
  }

  /** The status and redirect target of {@code http://<name>:<port>/}, as "301 https://…". */
  Command.Result http(String name, int port) throws Exception {
    return Command.run(
        List.of(
            "curl",
            "-sS",
            "--noproxy",
            "*",
            "--max-time",
            "10",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code} %{redirect_url}",
            "--resolve",
            name + ":" + port + ":127.0.0.1",
            "http://" + name + ":" + port + "/"));
  }

  /** The serial (lower-case hex) of the leaf served for the name; throws unless it is trusted. */
  String servedSerial(String name, int port) throws Exception {
    return HttpsProbe.servedSerial(port, name, root);
  }
}
