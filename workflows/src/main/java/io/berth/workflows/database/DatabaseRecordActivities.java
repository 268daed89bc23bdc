package io.berth.workflows.database;

import io.temporal.activity.ActivityInterface;

/** Platform-DB bookkeeping of customer databases, on {@code berth-control}. */
@ActivityInterface
public interface DatabaseRecordActivities {

  /** Stores the database's status (READY, FAILED with the reason, DELETED …). Idempotent. */
  void recordDatabaseStatus(long databaseId, DatabaseStatus status, String reason);

  /** The live site the database is linked to, if any (its container carries the credentials). */
  Long linkedSite(long databaseId);
}
