package io.berth.activities.docker;

/**
 * Names and labels of the Docker objects that belong to Berth. Names are derived from ids only, so
 * a retried activity finds what an earlier attempt made; labels let operators and support find a
 * customer's objects ({@code docker ps --filter label=io.berth.customer=42}).
 */
public final class DockerNames {

  /** Label: the id of the customer who owns the container, network or volume. */
  public static final String LABEL_CUSTOMER = "io.berth.customer";

  /** Label: the id of the site a container or volume belongs to. */
  public static final String LABEL_SITE = "io.berth.site";

  /** Label: the site's name, for people reading {@code docker ps}. */
  public static final String LABEL_SITE_NAME = "io.berth.site-name";

  /** Label: the app the site's container runs ({@code static}, {@code wordpress}, …). */
  public static final String LABEL_APP = "io.berth.app";

  /** Label: hash of everything that shapes a container; a different hash means re-create it. */
  public static final String LABEL_SPEC_HASH = "io.berth.spec-hash";

  private DockerNames() {}

  /** The container of a site: {@code berth-site-<siteId>}. */
  public static String container(long siteId) {
    return "berth-site-" + siteId;
  }

  /** The named volume that holds a site's files: {@code berth-site-<siteId>-data}. */
  public static String volume(long siteId) {
    return "berth-site-" + siteId + "-data";
  }

  /** The private bridge network of a customer: {@code berth-net-<customerId>}. */
  public static String network(long customerId) {
    return "berth-net-" + customerId;
  }
}
