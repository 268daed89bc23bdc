package io.berth.workflows.database;

/** A customer database's state; {@link #DELETED} is final. */
public enum DatabaseStatus {
  CREATING,
  READY,
  FAILED,
  DELETING,
  DELETED
}
