package io.berth.workflows.site;

/** What a customer can do to a running site. */
public enum SiteAction {
  START,
  STOP,
  RESTART
}
