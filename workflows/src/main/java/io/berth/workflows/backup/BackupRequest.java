package io.berth.workflows.backup;

/** Input of {@link BackupWorkflow}: which site, and why. */
public record BackupRequest(long siteId, BackupKind kind) {}
