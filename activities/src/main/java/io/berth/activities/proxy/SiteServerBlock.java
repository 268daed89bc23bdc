package io.berth.activities.proxy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The nginx server block of one route: a site's platform name, or a customer's domain names pointed
 * at a site. Every value put into it has been validated by {@link NginxReverseProxy} first;
 * rendering only fills named slots and refuses a slot it does not know.
 *
 * <p>A stopped container refuses connections, so nginx answers 502 (or 504 when it hangs); those
 * become a 503 with the site-stopped page and a {@code Retry-After}. Errors the app itself returns
 * pass through untouched ({@code proxy_intercept_errors} stays off).
 *
 * <p>A suspended site (its plan unpaid) has a block of its own that never proxies: every request
 * but an ACME challenge gets a 503 with the suspended page and a {@code Retry-After}. Its customer
 * domains' blocks stay as they are and include the site's suspension mark ({@link SiteSuspension}),
 * which answers the same way while it exists.
 *
 * <p>Every block answers ACME HTTP-01 challenges from {@code <prefix>/acme-challenge}, so that a
 * name can be validated while a route serves it (and after it redirects to HTTPS), and includes the
 * TLS snippet of the certificate that covers its names ({@link TlsSnippet}): the platform's
 * wildcard for a site's own name, the site's certificate for a customer domain attached to it. The
 * include is a glob, so a block whose certificate is not (yet) installed is valid all the same.
 *
 * <p>Every block of a site (its own, its suspended one, its customer domains') writes nginx's
 * {@code combined} access log to the site's own file ({@link AccessLogFiles}), which the agent
 * shows the customer as the site's proxy log.
 */
final class SiteServerBlock {

  /** The internal URI of the site-stopped page; shadows the same path of the app. */
  static final String STOPPED_PAGE_URI = "/__berth/site-stopped.html";

  private static final String HEAD =
      """
      # {{title}}, written by Berth's worker: edits here are overwritten.
      server {
          listen {{listen}};
          server_name {{serverNames}};
          include {{tlsInclude}};
          access_log {{accessLog}} combined;

          client_max_body_size 64m;

          location ^~ /.well-known/acme-challenge/ {
              root {{challengeRoot}};
              default_type text/plain;
          }

      """;

  private static final String PROXY =
      """
          location / {
      {{suspensionInclude}}        proxy_pass http://127.0.0.1:{{port}};
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
      """;

  private static final String SUSPENDED =
      """
          location / {
      {{suspendedAnswer}}    }
      """;

  private static final String SUSPENDED_PAGE =
      """

          location = {{suspendedPage}} {
              internal;
              alias {{suspendedPageFile}};
              default_type text/html;
              add_header Retry-After {{suspendedRetryAfter}} always;
              add_header Cache-Control no-store always;
          }
      """;

  private static final String TAIL = "}\n";

  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

  private SiteServerBlock() {}

  /**
   * The block of a site's own route, e.g. {@code myblog.berth.localhost}, served over HTTPS with
   * the platform's wildcard certificate once it is installed.
   */
  static String forSite(long siteId, String hostname, String listen, int port, Path prefix) {
    Map<String, String> values =
        values(
            "Site " + siteId,
            siteId,
            List.of(hostname),
            listen,
            prefix,
            TlsSnippet.PLATFORM_SUBJECT);
    values.put("port", Integer.toString(port));
    values.put("suspensionInclude", "");
    return render(HEAD + PROXY + TAIL, values);
  }

  /**
   * The block of a suspended site's own route: the suspended page for every request but an ACME
   * challenge, never the site's container.
   */
  static String forSuspendedSite(long siteId, String hostname, String listen, Path prefix) {
    Map<String, String> values =
        values(
            "Site " + siteId + " (suspended until its plan is paid)",
            siteId,
            List.of(hostname),
            listen,
            prefix,
            TlsSnippet.PLATFORM_SUBJECT);
    values.put("suspendedAnswer", indent(SiteSuspension.answer(), "        "));
    return render(HEAD + SUSPENDED + SUSPENDED_PAGE + TAIL, values);
  }

  /**
   * The block of a customer domain's route: its names, pointed at the attached site's port, served
   * over HTTPS with the site's certificate once it is installed, and answered with the suspended
   * page while the site is suspended.
   */
  static String forDomain(
      long domainId, long siteId, List<String> hostnames, String listen, int port, Path prefix) {
    Map<String, String> values =
        values(
            "Domain " + domainId + " \u2192 site " + siteId,
            siteId,
            hostnames,
            listen,
            prefix,
            TlsSnippet.siteSubject(siteId));
    values.put("port", Integer.toString(port));
    values.put(
        "suspensionInclude",
        "        include " + SiteSuspension.includeGlob(prefix, siteId) + ";\n");
    return render(HEAD + PROXY + SUSPENDED_PAGE + TAIL, values);
  }

  private static Map<String, String> values(
      String title,
      long siteId,
      List<String> serverNames,
      String listen,
      Path prefix,
      String tlsSubject) {
    Map<String, String> values = new HashMap<>();
    values.put("title", title);
    values.put("accessLog", AccessLogFiles.file(prefix, siteId).toString());
    values.put("serverNames", String.join(" ", serverNames));
    values.put("listen", listen);
    values.put("stoppedPage", STOPPED_PAGE_URI);
    values.put("suspendedPage", SiteSuspension.PAGE_URI);
    values.put("suspendedPageFile", SiteSuspension.PAGE_FILE);
    values.put("suspendedRetryAfter", Integer.toString(SiteSuspension.RETRY_AFTER_SECONDS));
    values.put("challengeRoot", prefix.resolve(HttpChallengeFiles.ROOT).toString());
    values.put("tlsInclude", TlsSnippet.includeGlob(prefix, tlsSubject));
    return values;
  }

  private static String indent(String lines, String indent) {
    return lines.lines().map(line -> indent + line + "\n").collect(Collectors.joining());
  }

  private static String render(String template, Map<String, String> values) {
    Matcher slot = SLOT.matcher(template);
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
