package io.berth.panel.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.testing.CommonTestBeans;
import io.berth.panel.testing.InMemoryCustomers;
import io.berth.panel.testing.InMemoryOrders;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.InMemorySites;
import io.berth.panel.testing.Resettable;
import io.berth.persistence.account.Customer;
import io.berth.persistence.site.Site;
import io.berth.workflows.backup.BackupKind;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Backups, restores and schedules that cannot be made, one row each: the customer reads why (on the
 * field at fault where there is one), and nothing is stored, started or downloaded. Runs the
 * service the panel and the API share, over in-memory rows.
 */
@SpringJUnitConfig({CommonTestBeans.class, BackupTestBeans.class})
class BackupBadInputTest {

  static final long UNKNOWN = 987_654_321L;

  @Autowired BackupService service;
  @Autowired InMemoryBackupBook book;
  @Autowired FakeBackupWorkflows workflows;
  @Autowired FakeHostAgent agent;
  @Autowired InMemoryCustomers customers;
  @Autowired InMemoryOrders orders;
  @Autowired InMemorySites sites;
  @Autowired List<Resettable> fakes;

  /**
   * Ada has WordPress sites blog (with a verified, a running, a failed and a corrupt backup), shop
   * (a restore into it runs), far (on another host), asleep (suspended) and new (being set up), and
   * a static site plain. Bob has a WordPress site with a verified backup.
   */
  record Given(
      BackupService service,
      Caller ada,
      Site blog,
      Site shop,
      Site far,
      Site asleep,
      Site fresh,
      Site plain,
      BackupRow verified,
      BackupRow running,
      BackupRow failed,
      BackupRow corrupt,
      Site bobs,
      BackupRow bobsBackup) {}

  record Case(String name, Consumer<Given> call, Class<?> refusal, String field, String message) {

    @Override
    public String toString() {
      return name;
    }
  }

  private Given given;

  @BeforeEach
  void setUp() {
    fakes.forEach(Resettable::reset);
    Customer ada = customers.add("ada@example.com", Customer.ROLE_CUSTOMER);
    Site blog = site(ada, "blog", "wordpress", SiteStatus.RUNNING, "host-1");
    Site shop = site(ada, "shop", "wordpress", SiteStatus.RUNNING, "host-1");
    Site far = site(ada, "far", "wordpress", SiteStatus.RUNNING, "host-2");
    Site asleep = site(ada, "asleep", "wordpress", SiteStatus.SUSPENDED, "host-1");
    Site fresh = site(ada, "new", "wordpress", SiteStatus.PROVISIONING, null);
    Site plain = site(ada, "plain", "static", SiteStatus.RUNNING, "host-1");
    BackupRow verified = backup(ada, blog, BackupStatus.VERIFIED, null);
    BackupRow running = backup(ada, blog, BackupStatus.RUNNING, null);
    BackupRow failed = backup(ada, blog, BackupStatus.FAILED, "disk full");
    BackupRow corrupt = backup(ada, blog, BackupStatus.CORRUPT, "checksum differs");
    BackupRow forShop = backup(ada, shop, BackupStatus.VERIFIED, null);
    book.recordRestore(ada.id(), forShop.id(), shop.id());
    Customer bob = customers.add("bob@example.com", Customer.ROLE_CUSTOMER);
    Site bobs = site(bob, "bobs", "wordpress", SiteStatus.RUNNING, "host-1");
    BackupRow bobsBackup = backup(bob, bobs, BackupStatus.VERIFIED, null);
    given =
        new Given(
            service,
            Caller.customer(ada.id(), ada.email()),
            blog,
            shop,
            far,
            asleep,
            fresh,
            plain,
            verified,
            running,
            failed,
            corrupt,
            bobs,
            bobsBackup);
  }

  static Stream<Case> badInputs() {
    String notVerified = BackupService.NOT_VERIFIED;
    String target = BackupService.TARGET_FIELD;
    return Stream.of(
        new Case(
            "restore of an unknown backup",
            g -> g.service().restore(g.ada(), UNKNOWN, null),
            NotFoundException.class,
            null,
            "There is no backup " + UNKNOWN + " in your account."),
        new Case(
            "download of an unknown backup",
            g -> g.service().download(g.ada(), UNKNOWN),
            NotFoundException.class,
            null,
            "There is no backup " + UNKNOWN + " in your account."),
        new Case(
            "restore of another customer's backup",
            g -> g.service().restore(g.ada(), g.bobsBackup().id(), null),
            NotFoundException.class,
            null,
            null),
        new Case(
            "download of another customer's backup",
            g -> g.service().download(g.ada(), g.bobsBackup().id()),
            NotFoundException.class,
            null,
            null),
        new Case(
            "restore into another customer's site",
            g -> g.service().restore(g.ada(), g.verified().id(), g.bobs().id()),
            NotFoundException.class,
            null,
            null),
        new Case(
            "restore into an unknown site",
            g -> g.service().restore(g.ada(), g.verified().id(), UNKNOWN),
            NotFoundException.class,
            null,
            "There is no site " + UNKNOWN + " in your account."),
        new Case(
            "restore of a running backup",
            g -> g.service().restore(g.ada(), g.running().id(), null),
            ConflictException.class,
            null,
            notVerified),
        new Case(
            "restore of a failed backup",
            g -> g.service().restore(g.ada(), g.failed().id(), null),
            ConflictException.class,
            null,
            notVerified),
        new Case(
            "restore of a corrupt backup",
            g -> g.service().restore(g.ada(), g.corrupt().id(), null),
            ConflictException.class,
            null,
            notVerified),
        new Case(
            "download of a corrupt backup",
            g -> g.service().download(g.ada(), g.corrupt().id()),
            ConflictException.class,
            null,
            BackupService.NOT_DOWNLOADABLE),
        new Case(
            "restore of a WordPress backup into a static site",
            g -> g.service().restore(g.ada(), g.verified().id(), g.plain().id()),
            InvalidInputException.class,
            target,
            "A WordPress backup can only be restored into a WordPress site."),
        new Case(
            "restore into a suspended site",
            g -> g.service().restore(g.ada(), g.verified().id(), g.asleep().id()),
            ConflictException.class,
            target,
            "asleep is suspended; only a running or stopped site can take a restore."),
        new Case(
            "restore into a site on another host",
            g -> g.service().restore(g.ada(), g.verified().id(), g.far().id()),
            ConflictException.class,
            target,
            "far runs on another server than this backup; it can only be restored into a site on"
                + " the same server."),
        new Case(
            "restore into a site a restore is running into",
            g -> g.service().restore(g.ada(), g.verified().id(), g.shop().id()),
            ConflictException.class,
            null,
            BackupService.RESTORE_RUNNING),
        new Case(
            "back up now while a backup runs",
            g -> g.service().backUpNow(g.ada(), g.blog().id()),
            ConflictException.class,
            null,
            BackupService.BACKUP_RUNNING),
        new Case(
            "back up a site being set up",
            g -> g.service().backUpNow(g.ada(), g.fresh().id()),
            ConflictException.class,
            null,
            "new is being set up; only a running or stopped site can be backed up."),
        new Case(
            "back up another customer's site",
            g -> g.service().backUpNow(g.ada(), g.bobs().id()),
            NotFoundException.class,
            null,
            null),
        new Case(
            "schedule of another customer's site",
            g -> g.service().saveSchedule(g.ada(), g.bobs().id(), "03:30", "UTC", true),
            NotFoundException.class,
            null,
            null),
        badTime("25:00"),
        badTime("3:30"),
        badTime("03:30:00"),
        badTime("noon"),
        badTime(""),
        badTime(null),
        badZone(
            "Mars/Olympus",
            "\"Mars/Olympus\" is not a time zone we know, e.g. Europe/Berlin or UTC."),
        badZone(
            "europe/berlin",
            "\"europe/berlin\" is not a time zone we know, e.g. Europe/Berlin or UTC."),
        badZone("+02:00", "\"+02:00\" is not a time zone we know, e.g. Europe/Berlin or UTC."),
        badZone("", "Choose a time zone, e.g. Europe/Berlin or UTC."),
        badZone(null, "Choose a time zone, e.g. Europe/Berlin or UTC."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void givenBadInput_itIsRefusedInWordsAndNothingIsStoredOrStarted(Case bad) {
    List<BackupRow> backupsBefore = book.allBackups();
    List<RestoreRow> restoresBefore = book.allRestores();

    UserFacingException refusal =
        catchThrowableOfType(UserFacingException.class, () -> bad.call().accept(given));

    assertThat(refusal).as(bad.name()).isInstanceOf(bad.refusal());
    if (bad.message() != null) {
      assertThat(refusal.getMessage()).isEqualTo(bad.message());
    } else {
      assertThat(refusal.getMessage()).matches("There is no (backup|site) \\d+ in your account\\.");
    }
    if (bad.field() != null) {
      assertThat(refusal.problemWith(bad.field())).isEqualTo(bad.message());
    }
    assertThat(book.allBackups()).isEqualTo(backupsBefore);
    assertThat(book.allRestores()).isEqualTo(restoresBefore);
    assertThat(book.schedules()).isEmpty();
    assertThat(workflows.backups).isEmpty();
    assertThat(workflows.restores).isEmpty();
    assertThat(agent.opened).isEmpty();
  }

  private static Case badTime(String time) {
    return new Case(
        "time of day " + (time == null ? "missing" : "\"" + time + "\""),
        g -> g.service().saveSchedule(g.ada(), g.blog().id(), time, "Europe/Berlin", true),
        InvalidInputException.class,
        BackupService.TIME_FIELD,
        BackupService.BAD_TIME);
  }

  private static Case badZone(String zone, String message) {
    return new Case(
        "time zone " + (zone == null ? "missing" : "\"" + zone + "\""),
        g -> g.service().saveSchedule(g.ada(), g.blog().id(), "03:30", zone, true),
        InvalidInputException.class,
        BackupService.ZONE_FIELD,
        message);
  }

  private Site site(Customer owner, String name, String app, SiteStatus status, String hostId) {
    var order = orders.add(owner.id(), InMemoryPlans.STARTER, name, OrderStatus.ACTIVE);
    Site added = sites.add(owner.id(), order.id(), name, app, status);
    return sites.save(
        new Site(
            added.id(),
            added.customerId(),
            added.orderId(),
            added.name(),
            added.app(),
            added.status(),
            null,
            hostId,
            hostId == null ? null : 20_000 + added.id().intValue(),
            added.createdAt(),
            added.updatedAt()));
  }

  private BackupRow backup(Customer owner, Site site, BackupStatus status, String reason) {
    Instant at = Instant.now();
    return book.add(
        owner.id(),
        site.id(),
        BackupKind.SCHEDULED,
        status,
        site.hostId(),
        status == BackupStatus.VERIFIED ? 1024L : null,
        at,
        status.inProgress() ? null : at.plusSeconds(3),
        reason);
  }
}
