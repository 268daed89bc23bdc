package io.berth.panel.site;

/**
 * The wp-admin account of a WordPress site, as long as its generated password is kept for its owner
 * to see (until they say they have saved it).
 */
record AdminCredentials(long siteId, String user, String password, String loginUrl) {

  /** The account the worker installs every WordPress site with. */
  static final String WORDPRESS_ADMIN = "admin";
}
