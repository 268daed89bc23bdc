package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.workflows.backup.BackupWorkflow;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Daily backups by Temporal Schedules, with the day shortened to 20 seconds: a site that goes live
 * gets its schedule {@code backup-site-<id>} (what support staff see in the Temporal UI), which
 * fires and leaves a verified SCHEDULED backup in the site's list.
 */
class BackupScheduleJourneyIT {

  private static Platform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromJars(Map.of("BERTH_BACKUP_SCHEDULE_INTERVAL", "20s"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void givenASiteGoesLive_whenItsScheduleFires_aVerifiedScheduledBackupAppears() throws Exception {
    String site = "sched" + Long.toString(System.nanoTime() % 100000, 36);
    PanelApi api =
        new PanelApi(platform.panelUrl()).signUp(site + "@berth.test", "Schedule-password-1");
    long orderId = api.order(api.planId("Trial"), site, "static", null);
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.order(orderId).get("status").asText().equals("ACTIVE"));
    long siteId = api.order(orderId).get("siteId").asLong();

    // The worker's schedule sync makes the site's schedule.
    AtomicReference<ScheduleDescription> described = new AtomicReference<>();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              described.set(
                  platform.schedules().getHandle(BackupWorkflow.scheduleId(siteId)).describe());
              return true;
            });
    ScheduleDescription schedule = described.get();
    assertThat(schedule.getSchedule().getSpec().getIntervals())
        .extracting(ScheduleIntervalSpec::getEvery)
        .containsExactly(Duration.ofSeconds(20));
    assertThat(schedule.getSchedule().getState().isPaused()).isFalse();
    ScheduleActionStartWorkflow action =
        (ScheduleActionStartWorkflow) schedule.getSchedule().getAction();
    assertThat(action.getWorkflowType()).isEqualTo("BackupWorkflow");
    assertThat(action.getOptions().getWorkflowId())
        .isEqualTo(BackupWorkflow.scheduledWorkflowId(siteId));
    assertThat(action.getOptions().getTaskQueue()).isEqualTo("berth-control");

    // It fires: a SCHEDULED backup shows up in the site's list and is verified.
    AtomicReference<Long> scheduledBackup = new AtomicReference<>();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              for (JsonNode backup : api.backups(siteId)) {
                if (backup.get("kind").asText().equals("SCHEDULED")) {
                  scheduledBackup.set(backup.get("id").asLong());
                  return true;
                }
              }
              return false;
            });
    long backupId = scheduledBackup.get();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> !Set.of("RUNNING", "VERIFYING").contains(status(api, backupId)));
    JsonNode backup = api.backup(backupId);
    assertThat(backup.get("status").asText()).as(backup.toString()).isEqualTo("VERIFIED");
    assertThat(backup.get("sizeBytes").asLong()).isPositive();
    assertThat(
            platform
                .schedules()
                .getHandle(BackupWorkflow.scheduleId(siteId))
                .describe()
                .getInfo()
                .getNumActions())
        .isPositive();
  }

  private static String status(PanelApi api, long backupId) throws Exception {
    return api.backup(backupId).get("status").asText();
  }
}
