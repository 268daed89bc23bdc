package io.berth.activities.proxy;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.common.SiteNames;

/**
 * The public address of a site as visitors (and the site's own app) use it: {@code
 * http://<site>.<sites domain>[:<proxy port>]}, the port left out when it is 80. WordPress only
 * answers on exactly this address and redirects every other one.
 *
 * @param domain the sites' domain ({@code berth.sites.domain}, default {@code berth.localhost})
 * @param port the port of the proxy's listen address ({@code berth.proxy.listen})
 */
public record SiteAddresses(String domain, int port) {

  /** From the proxy's listen address, e.g. {@code 127.0.0.1:8880}. */
  public static SiteAddresses of(String domain, String listen) {
    int colon = listen.lastIndexOf(':');
    return new SiteAddresses(domain, Integer.parseInt(listen.substring(colon + 1)));
  }

  /** {@code blog.berth.localhost} */
  public String hostname(String siteName) {
    SiteNames.problem(siteName)
        .ifPresent(
            problem -> {
              throw new PermanentException(FailureType.INVALID_INPUT, problem);
            });
    return siteName + "." + domain;
  }

  /** {@code blog.berth.localhost:8880}: the {@code Host} header of a visitor's request. */
  public String authority(String siteName) {
    return hostname(siteName) + (port == 80 ? "" : ":" + port);
  }

  /** {@code http://blog.berth.localhost:8880} */
  public String url(String siteName) {
    return "http://" + authority(siteName);
  }
}
