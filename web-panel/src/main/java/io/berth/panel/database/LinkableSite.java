package io.berth.panel.database;

/** A PHP or Node.js site a database can be linked to, as the customer picks it. */
record LinkableSite(long id, String name) {}
