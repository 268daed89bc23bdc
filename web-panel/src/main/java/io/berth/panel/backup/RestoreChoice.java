package io.berth.panel.backup;

/**
 * A site a backup can be restored into: the backup's own, or another live site of the same customer
 * with the same app on the same host.
 */
public record RestoreChoice(long siteId, String siteName, boolean ownSite) {

  /** "This site (myblog)" or the other site's name. */
  public String label() {
    return ownSite ? "This site (" + siteName + ")" : siteName;
  }
}
