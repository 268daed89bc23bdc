package io.berth.activities.backup;

import io.berth.workflows.backup.BackupKind;
import io.berth.workflows.backup.BackupRequest;
import io.berth.workflows.backup.BackupWorkflow;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.common.TaskQueues;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleListDescription;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleRange;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.client.schedules.ScheduleUpdate;
import io.temporal.common.SearchAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Temporal Schedule {@code backup-site-<siteId>} per live site, starting {@link BackupWorkflow}
 * daily at the site's time in its zone (or every {@code berth.backup.schedule-interval}), paused
 * while the customer has turned backups off, and removed when the site is gone. Idempotent: a
 * schedule is described first and created, updated, paused or resumed only where it differs, so
 * several workers syncing at once converge. The wanted spec is kept in the schedule's note, which
 * is what the comparison reads.
 */
public class TemporalBackupSchedules {

  private static final Logger log = LoggerFactory.getLogger(TemporalBackupSchedules.class);
  private static final String PREFIX = BackupWorkflow.scheduleId(0).replace("0", "");

  private final ScheduleClient schedules;
  private final BackupScheduleProperties properties;

  /** Sites seen live at the last sync: one that is no longer live loses its schedule at once. */
  private final Set<Long> lastLive = new HashSet<>();

  public TemporalBackupSchedules(ScheduleClient schedules, BackupScheduleProperties properties) {
    this.schedules = schedules;
    this.properties = properties;
  }

  /**
   * Converges every schedule with the live sites: ensures each live site's, deletes those of sites
   * that are no longer live (seen live at the last sync, or listed by Temporal).
   */
  public synchronized void sync(List<SiteBackupSchedule> live) {
    Set<Long> liveIds = live.stream().map(SiteBackupSchedule::siteId).collect(Collectors.toSet());
    for (SiteBackupSchedule site : live) {
      try {
        ensure(site);
      } catch (RuntimeException e) {
        log.warn("Backup schedule of site {} not converged", site.siteId(), e);
      }
    }
    Set<Long> gone = new HashSet<>(lastLive);
    listedSiteIds().forEach(gone::add);
    gone.removeAll(liveIds);
    for (long siteId : gone) {
      try {
        remove(siteId);
      } catch (RuntimeException e) {
        log.warn("Backup schedule of site {} not removed", siteId, e);
      }
    }
    lastLive.clear();
    lastLive.addAll(liveIds);
  }

  /** Creates the site's schedule, or changes the existing one where it differs. */
  public void ensure(SiteBackupSchedule site) {
    String id = BackupWorkflow.scheduleId(site.siteId());
    String wanted = describeSpec(site);
    Optional<ScheduleDescription> existing = describe(id);
    if (existing.isEmpty()) {
      try {
        schedules.createSchedule(id, schedule(site, wanted), ScheduleOptions.newBuilder().build());
        log.info("Backup schedule {} created: {}", id, wanted);
        return;
      } catch (ScheduleAlreadyRunningException e) {
        existing = describe(id);
        if (existing.isEmpty()) {
          return;
        }
      }
    }
    ScheduleState state = existing.get().getSchedule().getState();
    ScheduleHandle handle = schedules.getHandle(id);
    if (!wanted.equals(state.getNote())) {
      handle.update(input -> new ScheduleUpdate(schedule(site, wanted)));
      log.info("Backup schedule {} updated: {}", id, wanted);
    } else if (state.isPaused() == site.enabled()) {
      if (site.enabled()) {
        handle.unpause(wanted);
      } else {
        handle.pause(wanted);
      }
      log.info("Backup schedule {} {}", id, site.enabled() ? "resumed" : "paused");
    }
  }

  /** Deletes the site's schedule; no-op when there is none. */
  public void remove(long siteId) {
    String id = BackupWorkflow.scheduleId(siteId);
    try {
      schedules.getHandle(id).delete();
      log.info("Backup schedule {} deleted", id);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    } catch (RuntimeException e) {
      if (!isNotFound(e)) {
        throw e;
      }
    }
  }

  /** What the schedule does, as a person reads it; kept as the schedule's note. */
  String describeSpec(SiteBackupSchedule site) {
    String when =
        properties.interval()
            ? "every " + properties.scheduleInterval().toSeconds() + "s"
            : "daily at " + site.timeOfDay() + " " + site.timeZone().getId();
    return "Backups of site " + site.siteId() + " " + when + (site.enabled() ? "" : " (paused)");
  }

  private Schedule schedule(SiteBackupSchedule site, String note) {
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(BackupWorkflow.class)
                .setArguments(new BackupRequest(site.siteId(), BackupKind.SCHEDULED))
                .setOptions(
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(BackupWorkflow.scheduledWorkflowId(site.siteId()))
                        .setTaskQueue(TaskQueues.CONTROL)
                        .setTypedSearchAttributes(
                            SearchAttributes.newBuilder()
                                .set(BerthSearchAttributes.SITE_ID, Long.toString(site.siteId()))
                                .set(
                                    BerthSearchAttributes.CUSTOMER_ID,
                                    Long.toString(site.customerId()))
                                .build())
                        .build())
                .build())
        .setSpec(spec(site))
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                .build())
        .setState(ScheduleState.newBuilder().setNote(note).setPaused(!site.enabled()).build())
        .build();
  }

  private ScheduleSpec spec(SiteBackupSchedule site) {
    if (properties.interval()) {
      return ScheduleSpec.newBuilder()
          .setIntervals(List.of(new ScheduleIntervalSpec(properties.scheduleInterval())))
          .build();
    }
    return ScheduleSpec.newBuilder()
        .setCalendars(
            List.of(
                ScheduleCalendarSpec.newBuilder()
                    .setHour(List.of(new ScheduleRange(site.timeOfDay().getHour())))
                    .setMinutes(List.of(new ScheduleRange(site.timeOfDay().getMinute())))
                    .setSeconds(List.of(new ScheduleRange(0)))
                    .build()))
        .setTimeZoneName(site.timeZone().getId())
        .build();
  }

  private Optional<ScheduleDescription> describe(String id) {
    try {
      return Optional.of(schedules.getHandle(id).describe());
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Stream<Long> listedSiteIds() {
    return schedules
        .listSchedules()
        .map(ScheduleListDescription::getScheduleId)
        .filter(id -> id.startsWith(PREFIX))
        .map(id -> id.substring(PREFIX.length()))
        .filter(rest -> rest.matches("[0-9]{1,18}"))
        .map(Long::valueOf)
        .toList()
        .stream();
  }

  private static boolean isNotFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return true;
      }
    }
    return false;
  }
}
