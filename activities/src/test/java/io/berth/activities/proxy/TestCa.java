package io.berth.activities.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A throwaway certificate authority made with the openssl CLI, standing in for the ACME CA: it
 * issues leaf certificates for any names, with the serial the test chooses.
 */
final class TestCa {

  /** A certificate as the CA hands it out: the chain (leaf, then the CA) and the leaf's key. */
  record Issued(String chainPem, String keyPem, String serialHex) {}

  private final Path dir;
  private final Path certificate;
  private final Path key;

  private TestCa(Path dir) {
    this.dir = dir;
    this.certificate = dir.resolve("ca.pem");
    this.key = dir.resolve("ca.key");
  }

  static TestCa create(Path dir) throws IOException, InterruptedException {
    TestCa ca = new TestCa(dir);
    openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        ca.key.toString(),
        "-out",
        ca.certificate.toString(),
        "-days",
        "2",
        "-subj",
        "/CN=Berth Test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign");
    return ca;
  }

  /** The CA's certificate, for {@code curl --cacert}. */
  Path certificate() {
    return certificate;
  }

  /** A leaf for the names, signed by this CA, with the serial {@code serialHex}. */
  Issued issue(String serialHex, List<String> names) throws IOException, InterruptedException {
    Path leafKey = dir.resolve(serialHex + ".key");
    Path csr = dir.resolve(serialHex + ".csr");
    Path leaf = dir.resolve(serialHex + ".pem");
    Path extensions = dir.resolve(serialHex + ".ext");
    Files.writeString(
        extensions,
        "basicConstraints=CA:FALSE\n"
            + "keyUsage=critical,digitalSignature\n"
            + "extendedKeyUsage=serverAuth\n"
            + "subjectAltName="
            + names.stream().map(name -> "DNS:" + name).collect(Collectors.joining(","))
            + "\n");
    openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        leafKey.toString(),
        "-out",
        csr.toString(),
        "-subj",
        "/CN=" + names.get(0));
    openssl(
        "x509",
        "-req",
        "-in",
        csr.toString(),
        "-CA",
        certificate.toString(),
        "-CAkey",
        key.toString(),
        "-set_serial",
        "0x" + serialHex,
        "-days",
        "1",
        "-extfile",
        extensions.toString(),
        "-out",
        leaf.toString());
    return new Issued(
        Files.readString(leaf) + Files.readString(certificate),
        Files.readString(leafKey),
        serialHex);
  }

  private static void openssl(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Command.Result result = Command.run(command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", command) + ": " + result.output());
    }
  }
}
