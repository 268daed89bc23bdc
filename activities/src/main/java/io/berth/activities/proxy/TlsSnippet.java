package io.berth.activities.proxy;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The TLS files of one certificate subject in {@code <prefix>/tls/}: {@code <subject>.pem} (the
 * chain), {@code <subject>.key} and {@code <subject>.conf}, the snippet that the subject's route
 * blocks include. The snippet adds the HTTPS listen address and the certificate; a site's snippet
 * (its customer domains) also sends plain-HTTP visitors to HTTPS, except ACME challenges ({@code
 * $berth_to_https}, a map in infra's {@code nginx.conf}). The platform's wildcard does not
 * redirect: a site's own name keeps answering on HTTP as the apps were set up with it.
 */
final class TlsSnippet {

  static final String DIRECTORY = "tls";

  /** The platform's wildcard certificate, {@code *.<sites domain>}. */
  static final String PLATFORM_SUBJECT = "platform";

  private static final Pattern SUBJECT = Pattern.compile("platform|site-[1-9][0-9]{0,17}");

  private TlsSnippet() {}

  /** {@code site-<id>}: the certificate of a site's customer domains. */
  static String siteSubject(long siteId) {
    return "site-" + siteId;
  }

  /** Whether the key names a subject ({@code platform} or {@code site-<id>}) and nothing else. */
  static boolean isSubject(String key) {
    return key != null && SUBJECT.matcher(key).matches();
  }

  /**
   * The include of a route block: a glob that matches the subject's snippet only, so that nginx
   * accepts the block while the snippet does not exist.
   */
  static String includeGlob(Path prefix, String subject) {
    return prefix.resolve(DIRECTORY) + "/" + subject + ".con[f]";
  }

  static Path chainFile(Path prefix, String subject) {
    return prefix.resolve(DIRECTORY).resolve(subject + ".pem");
  }

  static Path keyFile(Path prefix, String subject) {
    return prefix.resolve(DIRECTORY).resolve(subject + ".key");
  }

  static Path snippetFile(Path prefix, String subject) {
    return prefix.resolve(DIRECTORY).resolve(subject + ".conf");
  }

  /** The snippet's text; {@code httpsListen} has been validated like {@code berth.proxy.listen}. */
  static String render(Path prefix, String subject, String httpsListen) {
    StringBuilder out =
        new StringBuilder()
            .append("# TLS of ")
            .append(subject)
            .append(", written by Berth's worker: edits here are overwritten.\n")
            .append("listen ")
            .append(httpsListen)
            .append(" ssl;\n")
            .append("ssl_certificate ")
            .append(chainFile(prefix, subject))
            .append(";\n")
            .append("ssl_certificate_key ")
            .append(keyFile(prefix, subject))
            .append(";\n");
    if (!PLATFORM_SUBJECT.equals(subject)) {
      int port = port(httpsListen);
      out.append("if ($berth_to_https) {\n")
          .append("    return 301 https://$host")
          .append(port == 443 ? "" : ":" + port)
          .append("$request_uri;\n")
          .append("}\n");
    }
    return out.toString();
  }

  /** The port of a listen address: {@code 8443} of {@code 127.0.0.1:8443} or of {@code 8443}. */
  static int port(String listen) {
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }
}
