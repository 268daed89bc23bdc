package io.berth.panel.domain;

/** A site a domain can be attached to, as the customer picks it. */
record SiteChoice(long id, String name) {}
