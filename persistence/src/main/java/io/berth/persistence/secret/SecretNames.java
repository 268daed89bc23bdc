package io.berth.persistence.secret;

/**
 * The names of the platform's secrets: the one place they are spelled, for the worker that makes
 * them and the panel that shows them.
 */
public final class SecretNames {

  private SecretNames() {}

  /** The password of a customer database's user. */
  public static String databasePassword(long databaseId) {
    return "database:" + databaseId + ":password";
  }

  /** The root password of a customer's database server. */
  public static String databaseServerRoot(long customerId) {
    return "dbserver:" + customerId + ":root";
  }

  /** The password of the administrator an app's install step created (WordPress's wp-admin). */
  public static String siteAdminPassword(long siteId) {
    return "site:" + siteId + ":wp-admin";
  }

  /** A site's salt: 64 random characters (WordPress's keys and salts are derived from it). */
  public static String siteSalt(long siteId) {
    return "site:" + siteId + ":wp-salt";
  }

  /** The private key (PKCS#8 PEM) of an ACME order, used for its CSR and served by nginx. */
  public static String acmeOrderKey(long orderId) {
    return "acme-order:" + orderId + ":key";
  }

  /** The ACME account key (PEM key pair) at one CA, named by a short hash of its directory URL. */
  public static String acmeAccountKey(String caId) {
    return "acme-account:" + caId + ":key";
  }

  /** The DKIM private key (PKCS#8 PEM) of a mail domain. */
  public static String dkimKey(long mailDomainId) {
    return "maildomain:" + mailDomainId + ":dkim";
  }
}
