package io.berth.workflows.site;

/**
 * What provisioning a site involves beyond network, container and route, as its app asks for it.
 *
 * @param databaseId the database the site's container gets credentials for (its own for WordPress,
 *     a linked one for PHP or Node); null for none
 * @param ownsDatabase whether the database was made for this site alone, so it goes when the site
 *     fails to come up
 * @param install whether the app has an install step run inside its container (WordPress)
 */
public record SitePlan(Long databaseId, boolean ownsDatabase, boolean install) {

  public static final SitePlan NOTHING_MORE = new SitePlan(null, false, false);
}
