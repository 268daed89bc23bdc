package io.berth.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.workflows.backup.BackupWorkflowImpl;
import io.berth.workflows.backup.RestoreWorkflowImpl;
import io.berth.workflows.billing.SubscriptionWorkflowImpl;
import io.berth.workflows.certificate.CertificateWorkflowImpl;
import io.berth.workflows.database.DatabaseWorkflowImpl;
import io.berth.workflows.domain.DomainWorkflowImpl;
import io.berth.workflows.mail.MailDomainWorkflowImpl;
import io.berth.workflows.mail.MailboxWorkflowImpl;
import io.berth.workflows.order.OrderWorkflowImpl;
import io.berth.workflows.site.SiteWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the histories of released workflow versions (src/test/resources/histories, recorded with
 * {@code -Dberth.recordHistories=…} on OrderWorkflowTest, SiteWorkflowTest,
 * SubscriptionWorkflowTest, DomainWorkflowTest, CertificateWorkflowTest, MailDomainWorkflowTest and
 * MailboxWorkflowTest, BackupWorkflowTest and RestoreWorkflowTest) against today's code: a change
 * that would break workflows already running in production fails here.
 */
class WorkflowReplayTest {

  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  private static TestWorkflowEnvironment env;
  private static Worker replayer;

  @BeforeAll
  static void startReplayer() {
    env = TestWorkflowEnvironment.newInstance();
    replayer =
        env.newWorker(
            "replay",
            WorkerOptions.newBuilder()
                // Replays check determinism, not speed: on a loaded build machine the first replay
                // loads classes for seconds, which is not a workflow blocking its thread.
                .setDefaultDeadlockDetectionTimeout(Duration.ofMinutes(1).toMillis())
                .build());
    replayer.registerWorkflowImplementationTypes(
        OrderWorkflowImpl.class,
        SiteWorkflowImpl.class,
        DomainWorkflowImpl.class,
        DatabaseWorkflowImpl.class,
        CertificateWorkflowImpl.class,
        MailDomainWorkflowImpl.class,
        MailboxWorkflowImpl.class,
        SubscriptionWorkflowImpl.class,
        BackupWorkflowImpl.class,
        RestoreWorkflowImpl.class);
  }

  @AfterAll
  static void stopReplayer() {
    env.close();
  }

  static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("histories")
  void releasedHistoryReplaysOnCurrentCode(Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(Files.readString(history)), replayer);
  }

  @org.junit.jupiter.api.Test
  void historiesOfEveryJourneyAreKept() throws IOException {
    assertThat(histories())
        .extracting(p -> p.getFileName().toString())
        .contains(
            "givenTrial_whenOrdering_itProvisionsTheSiteAndActivatesTheOrder.order.json",
            "givenTrial_whenOrdering_itProvisionsTheSiteAndActivatesTheOrder.site.json",
            "givenSiteNeverHealthy_whenOrdering_itTearsDownAndFailsTheOrderWithTheReason.order.json",
            "givenProvisioning_whenOrderCancelled_itRemovesEverythingAndRecordsCancelled.site.json",
            "givenHostedDomainWithSite_itCreatesZoneRecordsAndRouteAndSeesTheDelegation.domain.json",
            "removingTakesTheRouteZoneAndRecordsAway_andEndsTheWorkflow.domain.json",
            "givenTrial_whenOrdering_itProvisionsTheSiteAndActivatesTheOrder.site.app-steps.json",
            "givenWordPress_whenOrdering_itMakesTheSitesDatabaseThenInstallsTheApp.site.json",
            "customerDatabase_isCreated_passwordResetReachesTheLinkedSite_andDeleteDropsIt"
                + ".database.json",
            "givenHostedDomainWithSite_itCreatesZoneRecordsAndRouteAndSeesTheDelegation"
                + ".domain.certificates.json",
            "domainChangesTellTheCertificateWorkflowsOfTheSitesConcerned.domain.certificates.json",
            "givenASiteWithLiveDomains_itOrdersValidatesIssuesAndInstallsTheCertificate"
                + ".certificate.json",
            "givenAFailedRenewal_theInstalledCertificateKeepsServing_andTheReasonIsShown"
                + ".certificate.json",
            "turningEmailOn_makesTheKeyPublishesTheRecordsEnablesTheServers_andIsActive"
                + ".maildomain.json",
            "turningOff_takesTheDomainOffTheServersAndDns_recordsRemoved_andEnds.maildomain.json",
            "givenTheSignerRefusesTheKey_itFailsWithTheReason_andTakesTheDomainOffServersAndDns"
                + ".maildomain.json",
            "continuingAsNew_keepsAnsweringTheDnsRecords_withoutRepeatingTheSetUp.maildomain.json",
            "aDeletedMailbox_keepsItsMailForTheRetention_thenItIsPurged_andTheWorkflowEnds"
                + ".mailbox.json",
            "aDeleteWhileTheMailboxIsBeingCreated_isHonouredRightAfter.mailbox.json",
            "givenTrial_whenOrdering_itProvisionsTheSiteAndActivatesTheOrder.order.billing.json",
            "givenStripe_whenOrdering_itCreatesTheCheckoutBeforeWaitingForPayment.order.json",
            "givenProvisioningFailsAfterPayment_whenOrdering_itRefundsOnceAndTearsDown.order.json",
            "givenAwaitingPayment_whenOrderCancelled_itsSubscriptionEnds.order.json",
            "suspending_stopsTheContainer_servesTheSuspendedPage_andRefusesActions.site.json",
            "aSiteTheCustomerStopped_staysStoppedAfterResume.site.json",
            "newLimits_areAppliedToTheContainerInPlace_andCarriedIntoTheNextRun.site.json",
            "terminating_removesRouteContainerAndFiles_recordsDeleted_andEnds.site.json",
            "givenACheckoutIsPaid_theSubscriptionIsActive_andOneReceiptIsSent.subscription.json",
            "givenARenewalFails_theSitesAreSuspendedAfterTheGrace_andResumedWhenItIsPaid"
                + ".subscription.json",
            "givenARenewalFails_theSitesAreSuspendedAfterTheGrace_andResumedWhenItIsPaid.site.json",
            "givenASuspendedSubscription_after30Days_everythingIsRemoved_andTheWorkflowEnds"
                + ".subscription.json",
            "givenABankTransfer_thePeriodEndOpensTheRenewalInvoice_andSupportsPaymentRenewsIt"
                + ".subscription.json",
            "cancelledAtPeriodEnd_itIsCancelledWhenThePeriodEnds_andRemovedAfter30Days"
                + ".subscription.json",
            "changingThePlan_asksTheGatewayWithAKeyPerChange_andEverySiteGetsTheNewLimits"
                + ".subscription.json",
            "eachPaidPeriod_continuesAsNew_carryingTheWholeState.subscription.json",
            "aManualBackup_isArchivedVerifiedAndRecorded_thenRetentionDeletesWhatThePlanNoLongerKeeps"
                + ".backup.json",
            "aBackupTheHostCannotMake_isRecordedFailed_andTheWorkflowFailsWithTheReason.backup.json",
            "aRestore_backsUpTheSiteFirst_thenChecksStagesSwapsChecksHealthAndCleansUp.restore.json",
            "givenTheSwapFails_itRollsBack_andTheSiteKeepsItsData.restore.json",
            "givenThePreRestoreBackupIsCorrupt_theRestoreStops_andNothingIsTouched.restore.json");
  }
}
