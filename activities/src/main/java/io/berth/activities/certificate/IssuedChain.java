package io.berth.activities.certificate;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What the platform keeps of an issued chain: the leaf's serial (hex), its issuer as a person reads
 * it ("Let's Encrypt (R10)", "Pebble Intermediate CA 1a2b3c"), its DNS names, its validity, and the
 * whole chain as PEM, leaf first, as nginx serves it.
 */
record IssuedChain(
    String serial,
    String issuer,
    List<String> names,
    Instant notBefore,
    Instant notAfter,
    String pem) {

  private static final int SAN_DNS = 2;

  static IssuedChain of(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      throw new CertificateAuthorityException("The CA sent an empty certificate chain");
    }
    X509Certificate leaf = chain.get(0);
    return new IssuedChain(
        leaf.getSerialNumber().toString(16),
        issuer(leaf),
        names(leaf),
        leaf.getNotBefore().toInstant(),
        leaf.getNotAfter().toInstant(),
        pem(chain));
  }

  static String issuer(X509Certificate leaf) {
    String dn = leaf.getIssuerX500Principal().getName();
    String cn = null;
    String o = null;
    try {
      for (Rdn rdn : new LdapName(dn).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          cn = rdn.getValue().toString();
        } else if (rdn.getType().equalsIgnoreCase("O")) {
          o = rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      return dn;
    }
    if (o != null && cn != null) {
      return o + " (" + cn + ")";
    }
    return o != null ? o : cn != null ? cn : dn;
  }

  static List<String> names(X509Certificate leaf) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (san.size() >= 2 && Integer.valueOf(SAN_DNS).equals(san.get(0))) {
            names.add(san.get(1).toString().toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (CertificateParsingException e) {
      throw new CertificateAuthorityException(
          "The CA sent a certificate without readable names", e);
    }
    return names.stream().distinct().sorted().toList();
  }

  static String pem(List<X509Certificate> chain) {
    Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
    StringBuilder out = new StringBuilder();
    for (X509Certificate certificate : chain) {
      try {
        out.append("-----BEGIN CERTIFICATE-----\n")
            .append(base64.encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new CertificateAuthorityException(
            "The CA sent a certificate that cannot be encoded", e);
      }
    }
    return out.toString();
  }
}
