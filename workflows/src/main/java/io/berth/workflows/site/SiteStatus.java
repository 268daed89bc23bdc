package io.berth.workflows.site;

/** Where a site stands, as stored for the panel and the API. */
public enum SiteStatus {
  PROVISIONING,
  RUNNING,
  STOPPED,
  SUSPENDED,
  FAILED,
  /** Its order was cancelled before it went live; everything created for it was removed. */
  CANCELLED,
  /** Its subscription was terminated; its container, files and route were removed. */
  DELETED
}
