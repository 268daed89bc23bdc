package io.berth.workflows.database;

import io.berth.workflows.progress.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Entity workflow of one customer database the customer created in "Databases", id {@code
 * database-<id>}, on {@code berth-control}; its MariaDB work runs on the customer's host queue.
 * Creates the database (server on first need), then serves password resets (an update; the linked
 * site's container is re-created with the new credentials) and deletion (a signal; drops the data
 * and ends). A WordPress site's own database is made by its {@code SiteWorkflow} instead.
 */
@WorkflowInterface
public interface DatabaseWorkflow {

  String STEP_DATABASE = "database";

  List<String> STEPS = List.of(STEP_DATABASE);

  static String workflowId(long databaseId) {
    return "database-" + databaseId;
  }

  @WorkflowMethod
  void run(DatabaseRequest request);

  /** Sets a new generated password; the panel reads it (once) from the platform's secrets. */
  @UpdateMethod
  void resetPassword(String requestId);

  @UpdateValidatorMethod(updateName = "resetPassword")
  void validateResetPassword(String requestId);

  /** Drops the database with its data and ends the workflow. */
  @SignalMethod
  void delete();

  @QueryMethod
  Progress progress();
}
