package io.berth.workflows.backup;

/**
 * What a finished {@link BackupWorkflow} made.
 *
 * @param backupId the backup's row
 * @param verified true when the archive was restored to a scratch container and matched what was
 *     backed up; false when verification found it corrupt (it is then never offered for restore)
 */
public record BackupResult(long backupId, boolean verified) {}
