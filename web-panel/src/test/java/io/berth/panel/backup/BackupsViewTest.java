package io.berth.panel.backup;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.site.Site;
import io.berth.workflows.backup.BackupKind;
import io.berth.workflows.backup.BackupWorkflow;
import io.berth.workflows.backup.RestoreWorkflow;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(classes = BackupTestBeans.class)
class BackupsViewTest extends ViewTest {

  private static final Instant MORNING = Instant.now().truncatedTo(ChronoUnit.MINUTES);

  @Autowired InMemoryBackupBook book;
  @Autowired FakeBackupWorkflows workflows;
  @Autowired BackupFeed feed;
  private Customer ada;
  private Site blog;

  @BeforeEach
  void signInAdaWithABlog() {
    ada = signIn("ada@example.com");
    blog = site(ada, "myblog", "wordpress", SiteStatus.RUNNING);
  }

  @Test
  void givenBackups_itListsThemNewestFirstWithKindSizeDurationAndAVerifiedCheck() {
    BackupRow daily = verified(BackupKind.SCHEDULED, 5L * 1024 * 1024 * 1024 / 2, 3_723_000);
    BackupRow manual = verified(BackupKind.MANUAL, 1536L, 42_000);

    navigate("sites/" + blog.id() + "/backups");

    assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("myblog backups · Berth");
    assertThat(text("backup-retention")).isEqualTo("Your plan keeps 7 daily and 4 weekly backups.");
    List<String> cards =
        _find(_get(Component.class, spec -> spec.withId("backup-list")), Component.class).stream()
            .map(c -> c.getId().orElse(""))
            .filter(id -> id.matches("backup-\\d+"))
            .toList();
    assertThat(cards).containsExactly("backup-" + manual.id(), "backup-" + daily.id());
    assertThat(text("backup-kind-" + manual.id())).isEqualTo("Manual");
    assertThat(text("backup-size-" + manual.id())).isEqualTo("1.5 KB");
    assertThat(text("backup-duration-" + manual.id())).isEqualTo("42 s");
    assertThat(text("backup-kind-" + daily.id())).isEqualTo("Daily");
    assertThat(text("backup-size-" + daily.id())).isEqualTo("2.5 GB");
    assertThat(text("backup-duration-" + daily.id())).isEqualTo("1 h 2 min");
    assertThat(text("backup-status-" + manual.id())).isEqualTo("Verified");
    assertThat(text("backup-verified-" + manual.id())).isEqualTo("✓");
    assertThat(_get(Anchor.class, spec -> spec.withId("backup-download-" + manual.id())).getText())
        .isEqualTo("Download");
    assertThat(_get(Button.class, spec -> spec.withId("backup-now")).isEnabled()).isTrue();
  }

  @Test
  void givenFailedAndCorruptBackups_theyShowTheirReasonAndCannotBeRestoredOrDownloaded() {
    BackupRow failed =
        book.add(
            ada.id(),
            blog.id(),
            BackupKind.SCHEDULED,
            BackupStatus.FAILED,
            "host-1",
            null,
            MORNING,
            MORNING.plusSeconds(5),
            "The site's volume could not be read: disk full");
    BackupRow corrupt =
        book.add(
            ada.id(),
            blog.id(),
            BackupKind.MANUAL,
            BackupStatus.CORRUPT,
            "host-1",
            2048L,
            MORNING,
            MORNING.plusSeconds(9),
            "Table wp_posts has 12 rows after restoring, 14 were backed up");

    navigate("sites/" + blog.id() + "/backups");

    assertThat(text("backup-reason-" + failed.id()))
        .isEqualTo("The site's volume could not be read: disk full");
    assertThat(text("backup-status-" + corrupt.id())).isEqualTo("Corrupt");
    assertThat(text("backup-reason-" + corrupt.id()))
        .isEqualTo("Table wp_posts has 12 rows after restoring, 14 were backed up");
    for (BackupRow row : List.of(failed, corrupt)) {
      assertThat(_find(Component.class, spec -> spec.withId("backup-restore-" + row.id())))
          .isEmpty();
      assertThat(_find(Component.class, spec -> spec.withId("backup-download-" + row.id())))
          .isEmpty();
      assertThat(_find(Component.class, spec -> spec.withId("backup-verified-" + row.id())))
          .isEmpty();
    }
  }

  @Test
  void backUpNow_startsOneWorkflowPerClickAndStaysOffWhileTheBackupRuns() {
    navigate("sites/" + blog.id() + "/backups");

    _click(backUpNow());

    assertThat(workflows.backups).hasSize(1);
    FakeBackupWorkflows.Started started = workflows.backups.get(0);
    assertThat(started.workflowId()).startsWith("backup-" + blog.id() + "-manual-");
    assertThat(started.siteId()).isEqualTo(blog.id());
    assertThat(started.customerId()).isEqualTo(ada.id());
    BackupRow row = book.allBackups().get(0);
    assertThat(row.kind()).isEqualTo(BackupKind.MANUAL);
    assertThat(row.status()).isEqualTo(BackupStatus.RUNNING);
    assertThat(row.workflowId()).isEqualTo(started.workflowId());
    assertThat(backUpNow().isEnabled()).isFalse();
    NotificationsKt.expectNotifications("Backing up myblog…");

    workflows.steps(
        row.workflowId(),
        List.of(
            new Step(BackupWorkflow.STEP_ARCHIVE, StepState.DONE, 1, null, 1, 2),
            new Step(BackupWorkflow.STEP_VERIFY, StepState.RUNNING, 1, null, 2, 0),
            Step.pending(BackupWorkflow.STEP_RETENTION)));
    navigate("sites/" + blog.id() + "/backups");

    assertThat(backUpNow().isEnabled()).isFalse();
    assertThat(text("step-archive")).contains("Done");
    assertThat(text("step-verify")).contains("Running");
    assertThat(workflows.backups).hasSize(1);
  }

  @Test
  void givenTheWorkflowServiceIsDown_backUpNowSaysSoAndLeavesAFailedRowNotARunningOne() {
    navigate("sites/" + blog.id() + "/backups");
    workflows.unreachable(true);

    _click(backUpNow());

    NotificationsKt.expectNotifications(BackupService.BACKUP_START_FAILED);
    BackupRow row = book.allBackups().get(0);
    assertThat(row.status()).isEqualTo(BackupStatus.FAILED);
    assertThat(row.failureReason()).isEqualTo(BackupService.BACKUP_START_FAILED_REASON);
    assertThat(backUpNow().isEnabled()).isTrue();
    assertThat(text("backup-reason-" + row.id()))
        .isEqualTo(BackupService.BACKUP_START_FAILED_REASON);
  }

  @Test
  void restore_needsTheTargetsNameTypedAndStartsARestoreIntoTheChosenSite() {
    Site shop = site(ada, "myshop", "wordpress", SiteStatus.STOPPED);
    site(ada, "otherapp", "static", SiteStatus.RUNNING);
    BackupRow backup = verified(BackupKind.MANUAL, 4096L, 3000);
    navigate("sites/" + blog.id() + "/backups");

    _click(_get(Button.class, spec -> spec.withId("backup-restore-" + backup.id())));

    assertThat(text("restore-consequences")).isEqualTo(RestoreDialog.WHAT_HAPPENS);
    @SuppressWarnings("unchecked")
    Select<RestoreChoice> target = _get(Select.class, spec -> spec.withId("restore-target"));
    assertThat(target.getListDataView().getItems().map(RestoreChoice::label))
        .containsExactly("This site (myblog)", "myshop");
    assertThat(target.getValue().siteId()).isEqualTo(blog.id());
    Button confirmed = _get(Button.class, spec -> spec.withId("restore-confirmed"));
    assertThat(confirmed.isEnabled()).isFalse();

    _setValue(target, target.getListDataView().getItems().toList().get(1));
    _setValue(confirm(), "myblog");
    assertThat(confirmed.isEnabled()).isFalse();
    _setValue(confirm(), "myshop");
    assertThat(confirmed.isEnabled()).isTrue();
    _click(confirmed);

    assertThat(workflows.restores).hasSize(1);
    RestoreRow restore = book.allRestores().get(0);
    assertThat(workflows.restores.get(0).workflowId())
        .isEqualTo(RestoreWorkflow.workflowId(restore.id()));
    assertThat(workflows.restores.get(0).siteId()).isEqualTo(shop.id());
    assertThat(restore.backupId()).isEqualTo(backup.id());
    assertThat(restore.targetSiteId()).isEqualTo(shop.id());
    assertThat(restore.status()).isEqualTo(RestoreStatus.RUNNING);
    assertThat(text("restore-result")).startsWith("Restoring…");
    assertThat(text("step-pre-restore-backup")).contains("Pending");
    assertThat(_find(Component.class, spec -> spec.withId("restore-confirm"))).isEmpty();
  }

  @Test
  void givenARestoreIntoThisSiteRuns_thePageFollowsItsStepsLiveUntilItsResult() {
    BackupRow backup = verified(BackupKind.MANUAL, 4096L, 3000);
    navigate("sites/" + blog.id() + "/backups");
    _click(_get(Button.class, spec -> spec.withId("backup-restore-" + backup.id())));
    _setValue(confirm(), "myblog");
    _click(_get(Button.class, spec -> spec.withId("restore-confirmed")));

    RestoreRow restore = book.allRestores().get(0);
    assertThat(workflows.restores.get(0).siteId()).isEqualTo(blog.id());
    assertThat(text("restore-running")).contains("A restore into this site is running.");

    workflows.steps(
        RestoreWorkflow.workflowId(restore.id()),
        RestoreWorkflow.STEPS.stream()
            .map(name -> new Step(name, StepState.DONE, 1, null, 1, 2))
            .toList());
    book.addRestore(
        new RestoreRow(
            restore.id(),
            backup.id(),
            blog.id(),
            ada.id(),
            RestoreStatus.COMPLETED,
            null,
            restore.startedAt(),
            Instant.now(),
            null));
    feed.refresh(blog.id());
    MockVaadin.runUIQueue();

    assertThat(_find(Component.class, spec -> spec.withId("restore-running"))).isEmpty();
    assertThat(text("restore-result"))
        .isEqualTo(
            "Restored: myblog now runs with the backup. Its state before is kept as a \"Before"
                + " restore\" backup.");
    assertThat(text("restore-progress")).contains("Health check", "Done");
    assertThat(workflows.restores).hasSize(1);
  }

  @Test
  void givenAnotherCustomersSite_itIsNotFound() {
    Customer bob = customers.add("bob@example.com", Customer.ROLE_CUSTOMER);
    Site bobs = site(bob, "bobsite", "wordpress", SiteStatus.RUNNING);
    book.add(
        bob.id(),
        bobs.id(),
        BackupKind.MANUAL,
        BackupStatus.VERIFIED,
        "host-1",
        10L,
        MORNING,
        MORNING.plusSeconds(1),
        null);

    navigate("sites/" + bobs.id() + "/backups");

    assertThat(get_textRecursively(currentView()))
        .contains("Site not found", "There is no site " + bobs.id() + " in your account.")
        .doesNotContain("bobsite");
    assertThat(_find(Component.class, spec -> spec.withId("backup-now"))).isEmpty();
  }

  @Test
  void theSchedule_isSavedWhenValidAndRefusedOnItsFieldOtherwise() {
    navigate("sites/" + blog.id() + "/backups");
    assertThat(text("backup-schedule-now")).isEqualTo("Backed up daily at 03:00 (UTC).");
    assertThat(text("backup-schedule")).contains("Applies within a minute.");

    _setValue(_get(TimePicker.class, spec -> spec.withId("backup-time")), null);
    _click(save());

    TimePicker time = _get(TimePicker.class, spec -> spec.withId("backup-time"));
    assertThat(time.isInvalid()).isTrue();
    assertThat(time.getErrorMessage()).isEqualTo(BackupService.BAD_TIME);
    assertThat(book.schedules()).isEmpty();

    _setValue(time, LocalTime.of(4, 30));
    @SuppressWarnings("unchecked")
    ComboBox<String> zone = _get(ComboBox.class, spec -> spec.withId("backup-zone"));
    _setValue(zone, null);
    _click(save());

    assertThat(zone.isInvalid()).isTrue();
    assertThat(zone.getErrorMessage()).isEqualTo("Choose a time zone, e.g. Europe/Berlin or UTC.");
    assertThat(book.schedules()).isEmpty();

    _setValue(zone, "Europe/Berlin");
    _setValue(_get(Checkbox.class, spec -> spec.withId("backup-enabled")), false);
    _click(save());

    assertThat(book.schedules().get(blog.id()))
        .isEqualTo(new BackupSchedule(blog.id(), LocalTime.of(4, 30), "Europe/Berlin", false));
    assertThat(time.isInvalid()).isFalse();
    assertThat(zone.isInvalid()).isFalse();
    assertThat(text("backup-schedule-now")).isEqualTo("Daily backups are paused.");
    NotificationsKt.expectNotifications("Saved. Applies within a minute.");
  }

  private Site site(Customer owner, String name, String app, SiteStatus status) {
    var order = orders.add(owner.id(), InMemoryPlans.STARTER, name, OrderStatus.ACTIVE);
    return sites.add(owner.id(), order.id(), name, app, status);
  }

  private BackupRow verified(BackupKind kind, long size, long durationMillis) {
    return book.add(
        ada.id(),
        blog.id(),
        kind,
        BackupStatus.VERIFIED,
        "host-1",
        size,
        MORNING,
        MORNING.plusMillis(durationMillis),
        null);
  }

  private static Button backUpNow() {
    return _get(Button.class, spec -> spec.withId("backup-now"));
  }

  private static Button save() {
    return _get(Button.class, spec -> spec.withId("backup-schedule-save"));
  }

  private static TextField confirm() {
    return _get(TextField.class, spec -> spec.withId("restore-confirm"));
  }

  private static String text(String id) {
    return get_textRecursively(_get(Component.class, spec -> spec.withId(id)));
  }
}
