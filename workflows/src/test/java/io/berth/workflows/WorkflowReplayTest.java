package io.berth.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.workflows.certificate.CertificateWorkflowImpl;
import io.berth.workflows.database.DatabaseWorkflowImpl;
import io.berth.workflows.domain.DomainWorkflowImpl;
import io.berth.workflows.mail.MailDomainWorkflowImpl;
import io.berth.workflows.mail.MailboxWorkflowImpl;
import io.berth.workflows.order.OrderWorkflowImpl;
import io.berth.workflows.site.SiteWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the histories of released workflow versions (src/test/resources/histories, recorded with
 * {@code -Dberth.recordHistories=…} on OrderWorkflowTest, DomainWorkflowTest,
 * CertificateWorkflowTest, MailDomainWorkflowTest and MailboxWorkflowTest) against today's code: a
 * change that would break workflows already running in production fails here.
 */
class WorkflowReplayTest {

  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("histories")
  void releasedHistoryReplaysOnCurrentCode(Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        Files.readString(history),
        OrderWorkflowImpl.class,
        SiteWorkflowImpl.class,
        DomainWorkflowImpl.class,
        DatabaseWorkflowImpl.class,
        CertificateWorkflowImpl.class,
        MailDomainWorkflowImpl.class,
        MailboxWorkflowImpl.class);
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
            "aDeleteWhileTheMailboxIsBeingCreated_isHonouredRightAfter.mailbox.json");
  }
}
