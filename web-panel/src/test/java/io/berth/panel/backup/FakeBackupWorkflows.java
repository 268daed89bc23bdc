package io.berth.panel.backup;

import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.testing.Resettable;
import io.berth.workflows.backup.BackupWorkflow;
import io.berth.workflows.backup.RestoreWorkflow;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.Step;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Backup and restore workflows that only record being started and answer the steps a test set;
 * {@link #unreachable} makes every call fail as an unreachable Temporal would.
 */
public class FakeBackupWorkflows implements BackupWorkflows, Resettable {

  /** A started workflow: its id, the site it is about and the customer. */
  public record Started(String workflowId, long siteId, long customerId) {}

  public final List<Started> backups = new CopyOnWriteArrayList<>();
  public final List<Started> restores = new CopyOnWriteArrayList<>();
  private final Map<String, List<Step>> steps = new ConcurrentHashMap<>();
  private volatile boolean unreachable;

  @Override
  public void reset() {
    backups.clear();
    restores.clear();
    steps.clear();
    unreachable = false;
  }

  public void unreachable(boolean value) {
    unreachable = value;
  }

  /** What the workflow with this id answers as its steps. */
  public void steps(String workflowId, List<Step> value) {
    steps.put(workflowId, List.copyOf(value));
  }

  @Override
  public void startManualBackup(String workflowId, long siteId, long customerId) {
    check();
    backups.add(new Started(workflowId, siteId, customerId));
  }

  @Override
  public void startRestore(long restoreId, long targetSiteId, long customerId) {
    check();
    restores.add(new Started(RestoreWorkflow.workflowId(restoreId), targetSiteId, customerId));
  }

  @Override
  public Progress backupProgress(String workflowId) {
    check();
    return new Progress(
        steps.getOrDefault(workflowId, BackupWorkflow.STEPS.stream().map(Step::pending).toList()));
  }

  @Override
  public Progress restoreProgress(long restoreId) {
    check();
    return new Progress(
        steps.getOrDefault(
            RestoreWorkflow.workflowId(restoreId),
            RestoreWorkflow.STEPS.stream().map(Step::pending).toList()));
  }

  private void check() {
    if (unreachable) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.WORKFLOWS_UNREACHABLE,
          new IllegalStateException("UNAVAILABLE: io exception"));
    }
  }
}
