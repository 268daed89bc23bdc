package io.berth.workflows.backup;

import io.berth.workflows.progress.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Puts a verified backup into a site (its own, or another site of the same customer and app), id
 * {@code restore-<restoreId>}, on {@code berth-control}; the file and database work runs on the
 * target site's host queue.
 *
 * <p>Steps: back up the target as it is now (a {@link BackupKind#PRE_RESTORE} child backup, the way
 * back) → check the archive's checksums (a corrupt archive is never restored) → stage the files and
 * the database next to the live ones → swap them in (the only moment the site is stopped) → health
 * check through the proxy → clean up the replaced data. If staging or the swap fails for good, the
 * staged data is discarded and the live data put back as it was (compensation).
 */
@WorkflowInterface
public interface RestoreWorkflow {

  String STEP_PRE_RESTORE_BACKUP = "pre-restore backup";
  String STEP_CHECK = "check archive";
  String STEP_STAGE = "stage";
  String STEP_SWAP = "swap";
  String STEP_HEALTH = "health check";
  String STEP_CLEAN_UP = "clean up";

  List<String> STEPS =
      List.of(
          STEP_PRE_RESTORE_BACKUP, STEP_CHECK, STEP_STAGE, STEP_SWAP, STEP_HEALTH, STEP_CLEAN_UP);

  static String workflowId(long restoreId) {
    return "restore-" + restoreId;
  }

  @WorkflowMethod
  void run(RestoreRequest request);

  @QueryMethod
  Progress progress();
}
