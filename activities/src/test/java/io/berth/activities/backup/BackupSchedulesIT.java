package io.berth.activities.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.workflows.backup.BackupArchive;
import io.berth.workflows.backup.BackupHostActivities;
import io.berth.workflows.backup.BackupJob;
import io.berth.workflows.backup.BackupWorkflow;
import io.berth.workflows.backup.BackupWorkflowImpl;
import io.berth.workflows.backup.RestoreJob;
import io.berth.workflows.backup.Verification;
import io.berth.workflows.common.TaskQueues;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sites' backup schedules on the real Temporal dev server, in an own namespace, read from the
 * real platform schema in a fresh PostgreSQL database.
 */
class BackupSchedulesIT {

  private static final String NAMESPACE = "berth-backup-it";
  private static final String HOST = "schedules-it";

  private static final BackupScheduleProperties DAILY =
      new BackupScheduleProperties(
          LocalTime.of(3, 0), ZoneId.of("UTC"), null, Duration.ofSeconds(30));

  private BackupRows rows;
  private WorkflowServiceStubs service;
  private ScheduleClient scheduleClient;
  private WorkflowClient workflowClient;
  private WorkerFactory workers;
  private long site;

  @BeforeEach
  void freshDatabaseAndNamespace() throws Exception {
    TemporalNamespace.ensure(NAMESPACE);
    rows = BackupRows.fresh("berth_backup_schedules_it");
    rows.host(HOST);
    long customer = rows.customer();
    site = rows.site(customer, rows.plan(7, 4), "nightly", "static", "RUNNING", HOST);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(TemporalNamespace.ADDRESS).build());
    scheduleClient =
        ScheduleClient.newInstance(
            service, ScheduleClientOptions.newBuilder().setNamespace(NAMESPACE).build());
    workflowClient =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());
    // Site ids start again at 1 in every fresh database: schedules of earlier runs go first.
    schedules(DAILY).sync(List.of());
  }

  @AfterEach
  void stop() {
    schedules(DAILY).sync(List.of());
    if (workers != null) {
      workers.shutdownNow();
    }
    service.shutdownNow();
  }

  @Test
  void aLiveSite_getsADailySchedule_thatFollowsItsRow_pausesWhenOff_andGoesWithTheSite() {
    TemporalBackupSchedules schedules = schedules(DAILY);
    BackupScheduleRows live = new BackupScheduleRows(rows.jdbc, DAILY);

    schedules.sync(live.liveSites());

    ScheduleDescription created = describe().orElseThrow();
    assertThat(calendar(created)).isEqualTo("03:00 UTC");
    assertThat(created.getSchedule().getState().isPaused()).isFalse();
    ScheduleActionStartWorkflow action =
        (ScheduleActionStartWorkflow) created.getSchedule().getAction();
    assertThat(action.getOptions().getWorkflowId())
        .isEqualTo(BackupWorkflow.scheduledWorkflowId(site));
    assertThat(action.getOptions().getTaskQueue()).isEqualTo(TaskQueues.CONTROL);
    Eventually.until(
        "temporal schedule list shows " + BackupWorkflow.scheduleId(site),
        Duration.ofSeconds(30),
        () ->
            TemporalNamespace.run("schedule", "list", "-n", NAMESPACE)
                .output()
                .contains(BackupWorkflow.scheduleId(site)));

    rows.jdbc
        .sql(
            "INSERT INTO backup_schedule (site_id, time_of_day, time_zone) VALUES (:s, '04:30',"
                + " 'Europe/Berlin')")
        .param("s", site)
        .update();
    schedules.sync(live.liveSites());
    assertThat(calendar(describe().orElseThrow())).isEqualTo("04:30 Europe/Berlin");

    rows.jdbc
        .sql("UPDATE backup_schedule SET enabled = false WHERE site_id = :s")
        .param("s", site)
        .update();
    schedules.sync(live.liveSites());
    ScheduleDescription paused = describe().orElseThrow();
    assertThat(paused.getSchedule().getState().isPaused()).isTrue();
    assertThat(calendar(paused)).isEqualTo("04:30 Europe/Berlin");

    rows.siteStatus(site, "DELETED");
    schedules.sync(live.liveSites());
    assertThat(describe()).isEmpty();
  }

  @Test
  void syncingTwice_changesNothing() {
    TemporalBackupSchedules schedules = schedules(DAILY);
    BackupScheduleRows live = new BackupScheduleRows(rows.jdbc, DAILY);
    schedules.sync(live.liveSites());
    ScheduleDescription first = describe().orElseThrow();

    schedules.sync(live.liveSites());
    new TemporalBackupSchedules(scheduleClient, DAILY).sync(live.liveSites());

    ScheduleDescription again = describe().orElseThrow();
    assertThat(again.getInfo().getLastUpdatedAt()).isEqualTo(first.getInfo().getLastUpdatedAt());
  }

  @Test
  void withAnInterval_theScheduleStartsBackupWorkflows_thatRecordScheduledBackups() {
    BackupScheduleProperties everyFiveSeconds =
        new BackupScheduleProperties(
            LocalTime.of(3, 0), ZoneId.of("UTC"), Duration.ofSeconds(5), Duration.ofSeconds(30));
    startWorker();
    // The namespace outlives the fresh database, whose site ids start at 1 again: only workflows
    // started from now on are this test's.
    Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    schedules(everyFiveSeconds)
        .sync(new BackupScheduleRows(rows.jdbc, everyFiveSeconds).liveSites());

    String prefix = BackupWorkflow.scheduledWorkflowId(site);
    Eventually.until(
        "a completed " + prefix + "… workflow",
        Duration.ofMinutes(1),
        () ->
            service
                .blockingStub()
                .listWorkflowExecutions(
                    ListWorkflowExecutionsRequest.newBuilder()
                        .setNamespace(NAMESPACE)
                        .setQuery(
                            "BerthSiteId = '"
                                + site
                                + "' AND ExecutionStatus = 'Completed'"
                                + " AND StartTime > '"
                                + since
                                + "'"
                                + " AND WorkflowType = 'BackupWorkflow'")
                        .build())
                .getExecutionsList()
                .stream()
                .anyMatch(e -> e.getExecution().getWorkflowId().startsWith(prefix + "-")));
    Map<String, Object> backup =
        rows.jdbc
            .sql(
                "SELECT kind, status, workflow_id FROM backup WHERE site_id = :s ORDER BY id LIMIT 1")
            .param("s", site)
            .query()
            .singleRow();
    assertThat(backup).containsEntry("kind", "SCHEDULED").containsEntry("status", "VERIFIED");
    assertThat((String) backup.get("workflow_id")).startsWith(prefix + "-");
  }

  private void startWorker() {
    workers = WorkerFactory.newInstance(workflowClient);
    var control = workers.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(BackupWorkflowImpl.class);
    control.registerActivitiesImplementations(
        new BackupRecordActivitiesImpl(rows.jdbc, Clock.systemUTC()));
    workers
        .newWorker(TaskQueues.host(HOST))
        .registerActivitiesImplementations(new StoredInMemory());
    workers.start();
  }

  private TemporalBackupSchedules schedules(BackupScheduleProperties properties) {
    return new TemporalBackupSchedules(scheduleClient, properties);
  }

  private Optional<ScheduleDescription> describe() {
    try {
      return Optional.of(scheduleClient.getHandle(BackupWorkflow.scheduleId(site)).describe());
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("NOT_FOUND")
          || String.valueOf(e.getCause()).contains("NOT_FOUND")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The schedule's one calendar as "HH:mm zone". */
  private static String calendar(ScheduleDescription description) {
    ScheduleSpec spec = description.getSchedule().getSpec();
    ScheduleCalendarSpec calendar = spec.getCalendars().get(0);
    return String.format(
        "%02d:%02d %s",
        calendar.getHour().get(0).getStart(),
        calendar.getMinutes().get(0).getStart(),
        spec.getTimeZoneName());
  }

  /** The host's side of a backup, kept in memory: this test is about the schedule. */
  private static final class StoredInMemory implements BackupHostActivities {

    @Override
    public BackupArchive createBackup(BackupJob job) {
      return new BackupArchive(
          job.backupId(),
          job.siteId(),
          "site-" + job.siteId() + "/backup-" + job.backupId(),
          10,
          10,
          1,
          "0".repeat(64),
          null,
          0,
          null,
          1);
    }

    @Override
    public Verification verifyBackup(BackupArchive archive) {
      return Verification.passed();
    }

    @Override
    public void deleteBackup(String location) {}

    @Override
    public void checkArchive(BackupArchive archive) {}

    @Override
    public void stageRestore(RestoreJob job) {}

    @Override
    public void swapInRestore(RestoreJob job) {}

    @Override
    public void finishRestore(RestoreJob job) {}

    @Override
    public void rollbackRestore(RestoreJob job) {}
  }
}
