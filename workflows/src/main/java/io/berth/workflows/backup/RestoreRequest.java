package io.berth.workflows.backup;

/** Input of {@link RestoreWorkflow}: the restore row the panel wrote before starting it. */
public record RestoreRequest(long restoreId) {}
