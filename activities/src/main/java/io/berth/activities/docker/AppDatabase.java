package io.berth.activities.docker;

/** Whether an app's sites have a database, and whose it is. */
public enum AppDatabase {
  /** The app never gets database credentials (static sites). */
  NONE,
  /**
   * The site gets the credentials of a database the customer links to it, if any (PHP, Node.js);
   * without a link its container has no database variables at all.
   */
  OPTIONAL,
  /** Every site gets a database of its own, made with the site and gone with it (WordPress). */
  REQUIRED
}
