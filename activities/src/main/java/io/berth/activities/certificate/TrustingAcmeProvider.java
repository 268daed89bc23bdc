package io.berth.activities.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.shredzone.acme4j.connector.HttpConnector;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * acme4j's generic provider for any {@code https} directory, whose connections also trust one extra
 * CA besides the JVM's: the one that signed a development CA's own TLS certificate (Pebble ships
 * none). Everything else is acme4j's, so the same code talks to Let's Encrypt.
 */
final class TrustingAcmeProvider extends GenericAcmeProvider {

  private final SSLContext ssl;

  TrustingAcmeProvider(SSLContext ssl) {
    this.ssl = ssl;
  }

  /** The provider trusting the PEM certificate(s) in {@code caFile} and the JVM's default CAs. */
  static TrustingAcmeProvider trusting(Path caFile) {
    return new TrustingAcmeProvider(sslContext(caFile));
  }

  @Override
  protected HttpConnector createHttpConnector(NetworkSettings settings) {
    return new HttpConnector(settings) {
      @Override
      public java.net.http.HttpClient.Builder createClientBuilder() {
        return super.createClientBuilder().sslContext(ssl);
      }
    };
  }

  static SSLContext sslContext(Path caFile) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate ca : defaultTrust().getAcceptedIssuers()) {
        store.setCertificateEntry("jvm-" + i++, ca);
      }
      Collection<? extends Certificate> extra;
      try (InputStream in = Files.newInputStream(caFile)) {
        extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (extra.isEmpty()) {
        throw new IllegalStateException(
            "berth.acme.trusted-ca " + caFile + " holds no certificate");
      }
      for (Certificate ca : extra) {
        store.setCertificateEntry("extra-" + i++, ca);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(
          "berth.acme.trusted-ca "
              + caFile
              + " does not exist (in development: infra/scripts/services.sh up pebble makes it)",
          e);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read berth.acme.trusted-ca " + caFile, e);
    }
  }

  private static X509TrustManager defaultTrust() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("The JVM has no X.509 trust manager");
  }
}
