package io.berth.panel.backup;

import io.berth.panel.security.BerthUser;
import io.berth.workflows.backup.BackupKind;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/…}: a site's backups, restores and backup schedule. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Backups")
class BackupApi {

  static final MediaType TAR = MediaType.parseMediaType("application/x-tar");

  private final BackupService backups;

  BackupApi(BackupService backups) {
    this.backups = backups;
  }

  @GetMapping("/sites/{id}/backups")
  @Operation(
      summary = "The site's backups, newest first",
      description =
          "kind SCHEDULED, MANUAL or PRE_RESTORE; status RUNNING, VERIFYING, VERIFIED, FAILED or"
              + " CORRUPT. Only VERIFIED ones (verified true) can be downloaded or restored.")
  List<BackupAnswer> backups(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return backups.backups(user.caller(), id).stream().map(BackupAnswer::of).toList();
  }

  @PostMapping("/sites/{id}/backups")
  @Operation(
      summary = "Back up the site now",
      description =
          "202 with the new backup (RUNNING); it is archived, then verified by restoring it to a"
              + " scratch container. 409 while another backup of the site is running or when the"
              + " site is not running or stopped.")
  ResponseEntity<StatusAnswer> backUpNow(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    BackupSummary started = backups.backUpNow(user.caller(), id);
    return ResponseEntity.accepted().body(new StatusAnswer(started.id(), "RUNNING"));
  }

  @GetMapping("/backups/{id}")
  @Operation(summary = "One of your backups")
  BackupAnswer backup(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return BackupAnswer.of(backups.backup(user.caller(), id));
  }

  @GetMapping("/backups/{id}/download")
  @Operation(
      summary = "Download a verified backup",
      description =
          "A tar holding files.tar.gz (the site's files), database.sql.gz (its database, if it"
              + " has one) and manifest.json (checksums, file count, tables), streamed from the"
              + " server that stores it. 409 for a backup that is not verified.")
  ResponseEntity<InputStreamResource> download(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    BackupDownload download = backups.download(user.caller(), id);
    return ResponseEntity.ok()
        .contentType(TAR)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(download.fileName()).build().toString())
        .body(new InputStreamResource(download.body()));
  }

  @PostMapping("/backups/{id}/restore")
  @Operation(
      summary = "Restore a verified backup into the site, or another of your sites",
      description =
          "Body {\"targetSiteId\": n} (default: the backup's own site): a running or stopped site"
              + " with the same app on the same server. The target is backed up first (a"
              + " PRE_RESTORE backup, the way back); it is stopped only while the restored data"
              + " is swapped in. 202 with the restore (RUNNING); follow it at"
              + " /api/v1/restores/{id}. 409 when the backup is not verified or a restore into"
              + " the site is already running; 400 for a site of another app.")
  ResponseEntity<StatusAnswer> restore(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @RequestBody(required = false) RestoreBody body) {
    RestoreSummary started =
        backups.restore(user.caller(), id, body == null ? null : body.targetSiteId());
    return ResponseEntity.accepted().body(new StatusAnswer(started.id(), "RUNNING"));
  }

  @GetMapping("/restores/{id}")
  @Operation(
      summary = "One of your restores, with its steps",
      description = "status RUNNING, COMPLETED or FAILED (the target then kept its data).")
  RestoreAnswer restoreOf(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return RestoreAnswer.of(backups.restoreOf(user.caller(), id));
  }

  @GetMapping("/sites/{id}/backup-schedule")
  @Operation(
      summary = "When the site's daily backup runs",
      description = "Without a schedule of its own a site is backed up daily at 03:00 UTC.")
  ScheduleAnswer schedule(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return ScheduleAnswer.of(backups.schedule(user.caller(), id));
  }

  @PutMapping("/sites/{id}/backup-schedule")
  @Operation(
      summary = "Set when the site's daily backup runs",
      description =
          "Body {\"timeOfDay\":\"03:30\",\"timeZone\":\"Europe/Berlin\",\"enabled\":true}:"
              + " HH:mm on a 24-hour clock, an IANA time zone id; enabled false pauses the daily"
              + " backups. Applies within a minute. 400 naming the field for a bad time or zone.")
  ScheduleAnswer saveSchedule(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @RequestBody ScheduleBody body) {
    return ScheduleAnswer.of(
        backups.saveSchedule(
            user.caller(),
            id,
            body.timeOfDay(),
            body.timeZone(),
            body.enabled() == null || body.enabled()));
  }

  record RestoreBody(Long targetSiteId) {}

  record ScheduleBody(String timeOfDay, String timeZone, Boolean enabled) {}

  record StatusAnswer(long id, String status) {}

  record BackupAnswer(
      long id,
      long siteId,
      BackupKind kind,
      BackupStatus status,
      Instant startedAt,
      Instant finishedAt,
      Long durationMillis,
      Long sizeBytes,
      boolean verified,
      String failureReason) {

    static BackupAnswer of(BackupSummary backup) {
      return new BackupAnswer(
          backup.id(),
          backup.siteId(),
          backup.kind(),
          backup.status(),
          backup.startedAt(),
          backup.finishedAt(),
          backup.durationMillis(),
          backup.sizeBytes(),
          backup.verified(),
          backup.failureReason());
    }
  }

  record StepAnswer(String name, StepState state, int attempt, String error) {

    static StepAnswer of(Step step) {
      return new StepAnswer(step.name(), step.state(), step.attempt(), step.error());
    }
  }

  record RestoreAnswer(
      long id,
      long backupId,
      long targetSiteId,
      RestoreStatus status,
      Long preRestoreBackupId,
      String failureReason,
      List<StepAnswer> steps) {

    static RestoreAnswer of(RestoreSummary restore) {
      return new RestoreAnswer(
          restore.id(),
          restore.backupId(),
          restore.targetSiteId(),
          restore.status(),
          restore.preRestoreBackupId(),
          restore.failureReason(),
          restore.steps().stream().map(StepAnswer::of).toList());
    }
  }

  record ScheduleAnswer(long siteId, String timeOfDay, String timeZone, boolean enabled) {

    static ScheduleAnswer of(BackupSchedule schedule) {
      return new ScheduleAnswer(
          schedule.siteId(),
          ScheduleRules.format(schedule.timeOfDay()),
          schedule.timeZone(),
          schedule.enabled());
    }
  }
}
