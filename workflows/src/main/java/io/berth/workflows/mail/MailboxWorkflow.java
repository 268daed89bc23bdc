package io.berth.workflows.mail;

import io.berth.workflows.progress.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * One mailbox, id {@code mailbox-<mailboxId>}, on {@code berth-control}. The panel inserts the row
 * with the password hash (a password never enters a workflow) and starts this; the workflow makes
 * the mailbox ACTIVE, then lives on as its entity. {@link #delete()} stops its mail at once, keeps
 * the stored mail for the retention period on a durable timer, then purges it (on {@code
 * berth-mail}) and ends. Password and quota changes are row updates the servers read at once.
 */
@WorkflowInterface
public interface MailboxWorkflow {

  String STEP_MAILBOX = "mailbox";
  String STEP_RETENTION = "retention";
  String STEP_PURGE = "purge";

  List<String> STEPS = List.of(STEP_MAILBOX, STEP_RETENTION, STEP_PURGE);

  static String workflowId(long mailboxId) {
    return "mailbox-" + mailboxId;
  }

  @WorkflowMethod
  void run(MailboxRequest request);

  @SignalMethod
  void delete();

  @QueryMethod
  Progress progress();
}
