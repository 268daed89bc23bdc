package io.berth.worker;

import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.mail.MailServerActivities;
import io.temporal.worker.WorkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Polls {@code berth-mail} with the mail servers' file activities (DKIM tables and keys, Postfix
 * reloads, Maildir purges) — only on the worker that runs beside Postfix, Dovecot and OpenDKIM
 * ({@code berth.mail.server}, env {@code BERTH_MAIL_SERVER}, default true for a single machine).
 * Registered before the starter starts the worker factory on application-ready.
 */
@Component
@ConditionalOnProperty(name = "berth.mail.server", havingValue = "true", matchIfMissing = true)
class MailServerWorker {

  private static final Logger log = LoggerFactory.getLogger(MailServerWorker.class);

  MailServerWorker(WorkerFactory factory, MailServerActivities mailServerActivities) {
    factory.newWorker(TaskQueues.MAIL).registerActivitiesImplementations(mailServerActivities);
    log.info("Serving the mail servers' activities on {}", TaskQueues.MAIL);
  }
}
