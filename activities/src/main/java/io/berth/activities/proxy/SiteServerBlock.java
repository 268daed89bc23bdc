package io.berth.activities.proxy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nginx server block of one route: a site's platform name, or a customer's domain names pointed
 * at a site. Every value put into it has been validated by {@link NginxReverseProxy} first;
 * rendering only fills named slots and refuses a slot it does not know.
 *
 * <p>A stopped container refuses connections, so nginx answers 502 (or 504 when it hangs); those
 * become a 503 with the site-stopped page and a {@code Retry-After}. Errors the app itself returns
 * pass through untouched ({@code proxy_intercept_errors} stays off).
 *
 * <p>Every block answers ACME HTTP-01 challenges from {@code <prefix>/acme-challenge}, so that a
 * name can be validated while a route serves it (and after it redirects to HTTPS), and includes the
 * TLS snippet of the certificate that covers its names ({@link TlsSnippet}): the platform's
 * wildcard for a site's own name, the site's certificate for a customer domain attached to it. The
 * include is a glob, so a block whose certificate is not (yet) installed is valid all the same.
 */
final class SiteServerBlock {

  /** The internal URI of the site-stopped page; shadows the same path of the app. */
  static final String STOPPED_PAGE_URI = "/__berth/site-stopped.html";

  private static final String TEMPLATE =
      """
      # {{title}}, written by Berth's worker: edits here are overwritten.
      server {
          listen {{listen}};
          server_name {{serverNames}};
          include {{tlsInclude}};

          client_max_body_size 64m;

          location ^~ /.well-known/acme-challenge/ {
              root {{challengeRoot}};
              default_type text/plain;
          }

          location / {
              proxy_pass http://127.0.0.1:{{port}};
              proxy_http_version 1.1;
              proxy_set_header Host $http_host;
              proxy_set_header X-Real-IP $remote_addr;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_set_header X-Forwarded-Host $http_host;
              proxy_set_header Upgrade $http_upgrade;
              proxy_set_header Connection $connection_upgrade;
              proxy_connect_timeout 5s;
              proxy_send_timeout 300s;
              proxy_read_timeout 300s;
              error_page 502 504 =503 {{stoppedPage}};
          }

          location = {{stoppedPage}} {
              internal;
              alias html/site-stopped.html;
              default_type text/html;
              add_header Retry-After 30 always;
              add_header Cache-Control no-store always;
          }
      }
      """;

  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

  private SiteServerBlock() {}

  /**
   * The block of a site's own route, e.g. {@code myblog.berth.localhost}, served over HTTPS with
   * the platform's wildcard certificate once it is installed.
   */
  static String forSite(long siteId, String hostname, String listen, int port, Path prefix) {
    return render(
        "Site " + siteId, List.of(hostname), listen, port, prefix, TlsSnippet.PLATFORM_SUBJECT);
  }

  /**
   * The block of a customer domain's route: its names, pointed at the attached site's port, served
   * over HTTPS with the site's certificate once it is installed.
   */
  static String forDomain(
      long domainId, long siteId, List<String> hostnames, String listen, int port, Path prefix) {
    return render(
        "Domain " + domainId + " \u2192 site " + siteId,
        hostnames,
        listen,
        port,
        prefix,
        TlsSnippet.siteSubject(siteId));
  }

  private static String render(
      String title,
      List<String> serverNames,
      String listen,
      int port,
      Path prefix,
      String tlsSubject) {
    Map<String, String> values =
        Map.of(
            "title", title,
            "serverNames", String.join(" ", serverNames),
            "listen", listen,
            "port", Integer.toString(port),
            "stoppedPage", STOPPED_PAGE_URI,
            "challengeRoot", prefix.resolve(HttpChallengeFiles.ROOT).toString(),
            "tlsInclude", TlsSnippet.includeGlob(prefix, tlsSubject));
    Matcher slot = SLOT.matcher(TEMPLATE);
    StringBuilder out = new StringBuilder();
    while (slot.find()) {
      String value = values.get(slot.group(1));
      if (value == null) {
        throw new IllegalStateException("No value for {{" + slot.group(1) + "}}");
      }
      slot.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    slot.appendTail(out);
    return out.toString();
  }
}
