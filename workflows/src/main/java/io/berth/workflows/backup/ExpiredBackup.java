package io.berth.workflows.backup;

/** A backup the plan's retention no longer keeps: where to delete it. */
public record ExpiredBackup(long backupId, String hostId, String location) {}
