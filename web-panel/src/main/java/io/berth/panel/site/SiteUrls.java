package io.berth.panel.site;

import org.springframework.stereotype.Component;

/** The public address of a site. */
@Component
public class SiteUrls {

  private final SiteProperties properties;

  SiteUrls(SiteProperties properties) {
    this.properties = properties;
  }

  public static SiteUrls of(String domain, int httpPort) {
    return new SiteUrls(new SiteProperties(domain, httpPort));
  }

  /** The parent domain of every site, e.g. {@code berth.localhost}. */
  public String platformDomain() {
    return properties.domain();
  }

  /** {@code http://myblog.berth.localhost:8880/}; the port is left out when it is 80. */
  public String url(String siteName) {
    String port = properties.httpPort() == 80 ? "" : ":" + properties.httpPort();
    return "http://" + siteName + "." + properties.domain() + port + "/";
  }

  /** {@code http://myblog.berth.localhost:8880/wp-admin/}: where a WordPress site is run. */
  public String wpAdmin(String siteName) {
    return url(siteName) + "wp-admin/";
  }
}
