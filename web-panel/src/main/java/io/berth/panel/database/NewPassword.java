package io.berth.panel.database;

/** A database user's new password, to be shown once. */
record NewPassword(long databaseId, String name, String user, String password) {}
