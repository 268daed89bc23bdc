package io.berth.panel.backup;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.Labels;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.host.HostAgent;
import io.berth.panel.site.AppCatalog;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.backup.BackupWorkflow;
import io.berth.workflows.progress.Step;
import io.berth.workflows.site.SiteStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A site's backups, restores and daily schedule, for the panel and the API alike: "Back up now"
 * (one backup in progress per site), restoring a verified backup into the site or another live site
 * of the same customer, app and host, downloading one through the host's agent, and the schedule
 * the worker's sync job applies. Another customer's site, backup or restore is "not found".
 */
@Service
public class BackupService {

  static final String BACKUP_RUNNING = "A backup of this site is running";
  static final String RESTORE_RUNNING = "A restore into this site is already running";
  static final String NOT_VERIFIED = "Only verified backups can be restored.";
  static final String NOT_DOWNLOADABLE = "Only verified backups can be downloaded.";
  static final String TARGET_FIELD = "targetSiteId";
  static final String TIME_FIELD = "timeOfDay";
  static final String ZONE_FIELD = "timeZone";
  static final String BAD_TIME = "Give the time as HH:mm on a 24-hour clock, e.g. 03:30.";
  static final String BACKUP_START_FAILED =
      "The backup could not be started because the workflow service is unreachable; try again"
          + " in a moment.";
  static final String BACKUP_START_FAILED_REASON =
      "Not started: the workflow service was unreachable when it was asked for.";
  static final String RESTORE_START_FAILED =
      "The restore could not be started because the workflow service is unreachable; your site"
          + " was not changed. Try again in a moment.";

  /** How long a finished restore's steps stay on the site's page. */
  private static final Duration RECENT = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(BackupService.class);

  private final SiteRepository sites;
  private final BackupBook book;
  private final BackupWorkflows workflows;
  private final HostAgent agents;
  private final Clock clock;
  private final LocalTime defaultTime;

  BackupService(
      SiteRepository sites,
      BackupBook book,
      BackupWorkflows workflows,
      HostAgent agents,
      Clock clock,
      @Value("${berth.backup.default-time:03:00}") String defaultTime) {
    this.sites = sites;
    this.book = book;
    this.workflows = workflows;
    this.agents = agents;
    this.clock = clock;
    this.defaultTime = LocalTime.parse(defaultTime);
  }

  /** The caller's site (not found for another customer's or an unknown one). */
  public Site site(Caller caller, long siteId) {
    return sites
        .findById(siteId)
        .filter(s -> caller.canSee(s.customerId()) && s.status() != SiteStatus.DELETED)
        .orElseThrow(() -> new NotFoundException("site", siteId));
  }

  /** The site's backups, newest first. */
  public List<BackupSummary> backups(Caller caller, long siteId) {
    site(caller, siteId);
    return book.backupsOf(siteId).stream().map(BackupSummary::of).toList();
  }

  public BackupSummary backup(Caller caller, long backupId) {
    return BackupSummary.of(visibleBackup(caller, backupId));
  }

  /** What the site's page shows now; the caller has been checked by {@link #site}. */
  public SiteBackups snapshot(long siteId) {
    Site site = sites.findById(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
    List<BackupRow> rows = book.backupsOf(siteId);
    BackupRow running = rows.stream().filter(b -> b.status().inProgress()).findFirst().orElse(null);
    List<Step> steps = List.of();
    boolean available = true;
    if (running != null) {
      try {
        steps = workflows.backupProgress(running.workflowId()).steps();
      } catch (ServiceUnavailableException e) {
        available = false;
      }
    }
    RestoreSummary restore = book.latestRestoreInto(siteId).map(this::summary).orElse(null);
    return new SiteBackups(
        siteId,
        site.name(),
        rows.stream().map(BackupSummary::of).toList(),
        running == null ? null : BackupSummary.of(running),
        steps,
        available,
        restore);
  }

  /**
   * Records a MANUAL backup and starts its workflow; refused while another backup of the site is in
   * progress. If the workflow cannot be started the row is marked FAILED, so nothing dangles.
   */
  public BackupSummary backUpNow(Caller caller, long siteId) {
    Site site = site(caller, siteId);
    requireLive(site, "backed up");
    String workflowId = BackupWorkflow.manualWorkflowId(siteId, UUID.randomUUID().toString());
    long backupId = book.recordManualBackup(site.customerId(), siteId, site.hostId(), workflowId);
    try {
      workflows.startManualBackup(workflowId, siteId, site.customerId());
    } catch (RuntimeException e) {
      log.warn("Backup {} of site {} could not start: {}", backupId, siteId, e.toString());
      book.markBackupFailed(backupId, BACKUP_START_FAILED_REASON);
      throw new ServiceUnavailableException(BACKUP_START_FAILED, e);
    }
    return BackupSummary.of(book.backup(backupId).orElseThrow());
  }

  /** The sites a verified backup can be restored into: its own first, then the others. */
  public List<RestoreChoice> restoreChoices(Caller caller, long backupId) {
    BackupRow backup = visibleBackup(caller, backupId);
    List<RestoreChoice> choices = new ArrayList<>();
    Site own = sites.findById(backup.siteId()).orElse(null);
    if (own != null && isLive(own)) {
      choices.add(new RestoreChoice(own.id(), own.name(), true));
    }
    if (own == null) {
      return choices;
    }
    sites.findByCustomerIdOrderById(backup.customerId()).stream()
        .filter(s -> s.id() != backup.siteId())
        .filter(s -> isLive(s) && s.app().equals(own.app()))
        .filter(s -> Objects.equals(s.hostId(), hostOf(backup, own)))
        .forEach(s -> choices.add(new RestoreChoice(s.id(), s.name(), false)));
    return choices;
  }

  /**
   * Records a restore of a verified backup into the target (the backup's own site when null) and
   * starts {@code restore-<id>}. The target must be a live site of the backup's customer with the
   * same app on the same host; one restore at a time per target.
   */
  public RestoreSummary restore(Caller caller, long backupId, Long targetSiteId) {
    BackupRow backup = visibleBackup(caller, backupId);
    if (backup.status() != BackupStatus.VERIFIED) {
      throw new ConflictException(NOT_VERIFIED);
    }
    Site source =
        sites
            .findById(backup.siteId())
            .orElseThrow(() -> new NotFoundException("site", backup.siteId()));
    long targetId = targetSiteId == null ? backup.siteId() : targetSiteId;
    Site target =
        sites
            .findById(targetId)
            .filter(
                s -> s.customerId().equals(backup.customerId()) && caller.canSee(s.customerId()))
            .filter(s -> s.status() != SiteStatus.DELETED)
            .orElseThrow(() -> new NotFoundException("site", targetId));
    if (!target.app().equals(source.app())) {
      String app = AppCatalog.label(source.app());
      throw InvalidInputException.of(
          TARGET_FIELD, "A " + app + " backup can only be restored into a " + app + " site.");
    }
    if (!isLive(target)) {
      throw new ConflictException(
          TARGET_FIELD,
          target.name()
              + " is "
              + Labels.site(target.status())
              + "; only a running or stopped site can take a restore.");
    }
    if (!Objects.equals(target.hostId(), hostOf(backup, source))) {
      throw new ConflictException(
          TARGET_FIELD,
          target.name()
              + " runs on another server than this backup; it can only be restored into a site"
              + " on the same server.");
    }
    long restoreId = book.recordRestore(backup.customerId(), backupId, targetId);
    try {
      workflows.startRestore(restoreId, targetId, backup.customerId());
    } catch (RuntimeException e) {
      log.warn("Restore {} into site {} could not start: {}", restoreId, targetId, e.toString());
      book.markRestoreFailed(restoreId, BACKUP_START_FAILED_REASON);
      throw new ServiceUnavailableException(RESTORE_START_FAILED, e);
    }
    return summary(book.restore(restoreId).orElseThrow());
  }

  /** A restore with its live steps. */
  public RestoreSummary restoreOf(Caller caller, long restoreId) {
    RestoreRow row =
        book.restore(restoreId)
            .filter(r -> caller.canSee(r.customerId()))
            .orElseThrow(() -> new NotFoundException("restore", restoreId));
    return new RestoreSummary(
        row.id(),
        row.backupId(),
        row.targetSiteId(),
        siteName(row.targetSiteId()),
        row.status(),
        row.preRestoreBackupId(),
        row.failureReason(),
        workflows.restoreProgress(restoreId).steps());
  }

  /** The archive of a verified backup, streamed from the agent of the host that stores it. */
  public BackupDownload download(Caller caller, long backupId) {
    BackupRow backup = visibleBackup(caller, backupId);
    if (backup.status() != BackupStatus.VERIFIED || backup.hostId() == null) {
      throw new ConflictException(NOT_DOWNLOADABLE);
    }
    String fileName = siteName(backup.siteId()) + "-backup-" + backupId + ".tar";
    return new BackupDownload(
        fileName, agents.open(backup.hostId(), "agent/v1/backups/" + backupId + "/archive"));
  }

  /** The site's schedule, or the default one (daily at the default time, UTC) if it has none. */
  public BackupSchedule schedule(Caller caller, long siteId) {
    site(caller, siteId);
    return book.schedule(siteId).orElse(new BackupSchedule(siteId, defaultTime, "UTC", true));
  }

  /** Whether the site has a schedule of its own (else it runs at the default time). */
  public boolean hasOwnSchedule(Caller caller, long siteId) {
    site(caller, siteId);
    return book.schedule(siteId).isPresent();
  }

  /**
   * Checks and stores the site's schedule; the worker's sync job applies it to the site's Temporal
   * Schedule within its interval.
   *
   * @param timeOfDay {@code HH:mm}
   * @param timeZone a time zone id, e.g. {@code Europe/Berlin} or {@code UTC}
   */
  public BackupSchedule saveSchedule(
      Caller caller, long siteId, String timeOfDay, String timeZone, boolean enabled) {
    site(caller, siteId);
    BackupSchedule schedule =
        new BackupSchedule(
            siteId, ScheduleRules.time(timeOfDay), ScheduleRules.zone(timeZone), enabled);
    book.saveSchedule(schedule);
    return schedule;
  }

  /** What the site's plan keeps. */
  public Retention retention(Caller caller, long siteId) {
    site(caller, siteId);
    return book.retentionOf(siteId);
  }

  private RestoreSummary summary(RestoreRow row) {
    List<Step> steps = List.of();
    boolean recent =
        row.finishedAt() == null || row.finishedAt().isAfter(clock.instant().minus(RECENT));
    if (recent) {
      try {
        steps = workflows.restoreProgress(row.id()).steps();
      } catch (ServiceUnavailableException e) {
        steps = List.of();
      }
    }
    return new RestoreSummary(
        row.id(),
        row.backupId(),
        row.targetSiteId(),
        siteName(row.targetSiteId()),
        row.status(),
        row.preRestoreBackupId(),
        row.failureReason(),
        steps);
  }

  private BackupRow visibleBackup(Caller caller, long backupId) {
    return book.backup(backupId)
        .filter(b -> caller.canSee(b.customerId()) && b.status() != BackupStatus.DELETED)
        .orElseThrow(() -> new NotFoundException("backup", backupId));
  }

  private String siteName(long siteId) {
    return sites.findById(siteId).map(Site::name).orElse("site-" + siteId);
  }

  /** Where the backup is stored: its row's host, else its site's. */
  private static String hostOf(BackupRow backup, Site site) {
    return backup.hostId() != null ? backup.hostId() : site.hostId();
  }

  private static void requireLive(Site site, String what) {
    if (!isLive(site)) {
      throw new ConflictException(
          site.name()
              + " is "
              + Labels.site(site.status())
              + "; only a running or stopped site can be "
              + what
              + ".");
    }
  }

  private static boolean isLive(Site site) {
    return site.status() == SiteStatus.RUNNING || site.status() == SiteStatus.STOPPED;
  }
}
