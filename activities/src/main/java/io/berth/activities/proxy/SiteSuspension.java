package io.berth.activities.proxy;

import java.nio.file.Path;

/**
 * The mark of a suspended site in {@code <prefix>/sites/}: {@code site-<id>.suspended}, written
 * beside the site's suspended route block and removed with it. The route blocks of the customer
 * domains attached to the site include it in their {@code location /} (through a glob, so a block
 * is valid while the site is not suspended): it answers 503 with the suspended page before the
 * request reaches the site's stopped container. Not a {@code .conf} file, so nginx.conf's {@code
 * include sites/*.conf} does not read it on its own.
 */
final class SiteSuspension {

  /** The internal URI of the suspended page; shadows the same path of the app. */
  static final String PAGE_URI = "/__berth/site-suspended.html";

  /** The page file in nginx's {@code html/}, from infra/nginx/html. */
  static final String PAGE_FILE = "html/suspended.html";

  /** Seconds a visitor (or a crawler) is asked to wait: suspensions last until a bill is paid. */
  static final int RETRY_AFTER_SECONDS = 3600;

  private static final String SUFFIX = ".suspended";

  private SiteSuspension() {}

  /** {@code site-<id>.suspended}. */
  static String fileName(long siteId) {
    return "site-" + siteId + SUFFIX;
  }

  static Path file(Path sites, long siteId) {
    return sites.resolve(fileName(siteId));
  }

  /** The include of a domain's route block: matches the site's mark only, when it exists. */
  static String includeGlob(Path prefix, long siteId) {
    String name = fileName(siteId);
    return prefix.resolve("sites")
        + "/"
        + name.substring(0, name.length() - 1)
        + "["
        + name.charAt(name.length() - 1)
        + "]";
  }

  /**
   * What answers instead of the site while it is suspended, inside a {@code location}: a 503 whose
   * body is the suspended page ({@link SiteServerBlock} declares the page's location).
   */
  static String answer() {
    return "error_page 503 " + PAGE_URI + ";\nreturn 503;\n";
  }

  /** The mark's text. */
  static String render(long siteId) {
    return "# Site "
        + siteId
        + " is suspended until its plan is paid, written by Berth's worker: edits here are"
        + " overwritten.\n"
        + answer();
  }
}
