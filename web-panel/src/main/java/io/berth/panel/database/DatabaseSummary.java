package io.berth.panel.database;

import io.berth.workflows.database.DatabaseStatus;

/**
 * A database as its owner sees it, with what an app needs to connect (the password is shown once,
 * at a reset, and otherwise kept encrypted).
 *
 * @param host the customer's database server's name on their private network ({@code
 *     berth-db-<customerId>}): reachable from their sites' containers only
 * @param siteId the site it is linked to (PHP, Node) or made for (WordPress); null for none
 * @param ownedBySite true for a WordPress site's own database, which goes with the site
 */
record DatabaseSummary(
    long id,
    String name,
    String user,
    String host,
    int port,
    DatabaseStatus status,
    Long siteId,
    String siteName,
    boolean ownedBySite,
    String failureReason) {

  boolean transitional() {
    return status == DatabaseStatus.CREATING || status == DatabaseStatus.DELETING;
  }
}
