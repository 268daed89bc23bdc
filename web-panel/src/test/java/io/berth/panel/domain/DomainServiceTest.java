package io.berth.panel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.site.SiteUrls;
import io.berth.panel.testing.InMemoryDnsRecordSets;
import io.berth.panel.testing.InMemoryDomains;
import io.berth.panel.testing.InMemoryHosts;
import io.berth.panel.testing.InMemoryMailDomains;
import io.berth.panel.testing.InMemorySites;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.site.Site;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of {@link DomainService} that the views and the API tests do not reach. */
class DomainServiceTest {

  private static final Caller ADA = Caller.customer(1, "ada@example.com");
  private static final Caller GRACE = Caller.customer(2, "grace@example.com");

  /** Another customer adds the same name between the check and the insert. */
  private final InMemoryDomains domains =
      new InMemoryDomains() {
        @Override
        public boolean isNameTaken(String name) {
          return false;
        }
      };

  private final InMemorySites sites = new InMemorySites();
  private final InMemoryMailDomains mailDomains = new InMemoryMailDomains();
  private final InMemoryHosts hosts = new InMemoryHosts();
  private final InMemoryDnsRecordSets recordSets = new InMemoryDnsRecordSets();
  private final FakeDomainWorkflows workflows = new FakeDomainWorkflows(domains, recordSets, sites);
  private final DomainLookup lookup = new DomainLookup(domains);
  private final DomainService service =
      new DomainService(
          domains,
          lookup,
          new DnsRecordService(lookup, recordSets, workflows),
          sites,
          workflows,
          new DnsInstructions(new DnsProperties("ns1.berth.test"), sites, hosts),
          SiteUrls.of("berth.localhost", 8880),
          mailDomains);

  @Test
  void givenTheUniqueIndexRefusesTheName_itIsTheSameConflictAsATakenName() {
    service.add(GRACE, "example.test", DomainMode.HOSTED, null);

    ConflictException refused =
        catchThrowableOfType(
            ConflictException.class,
            () -> service.add(ADA, "example.test", DomainMode.EXTERNAL, null));

    assertThat(refused.problemWith("name"))
        .isEqualTo("example.test is already added to an account.");
    assertThat(workflows.started).hasSize(1);
  }

  @Test
  void aDomainWithEmailOn_isNotRemoved_untilEmailIsTurnedOff() {
    long domainId = service.add(ADA, "example.test", DomainMode.HOSTED, null).id();
    MailDomain mail =
        mailDomains.save(MailDomain.creating(ADA.customerId(), domainId, "example.test"));

    assertThat(catchThrowableOfType(ConflictException.class, () -> service.remove(ADA, domainId)))
        .hasMessageContaining("has email turned on");
    assertThat(workflows.removals).isEmpty();

    mailDomains.updateStatus(mail.id(), MailDomainStatus.REMOVED, null);
    service.remove(ADA, domainId);
    assertThat(workflows.removals).containsExactly(domainId);
  }

  @Test
  void givenTemporalIsDown_theDomainIsNotAddedAndItsNameStaysFree() {
    workflows.unreachable(true);

    assertThat(
            catchThrowableOfType(
                ServiceUnavailableException.class,
                () -> service.add(ADA, "example.test", DomainMode.HOSTED, null)))
        .hasMessage(DomainService.START_FAILED);

    assertThat(service.domainsOf(ADA)).isEmpty();
    workflows.unreachable(false);
    assertThat(service.add(ADA, "example.test", DomainMode.HOSTED, null).name())
        .isEqualTo("example.test");
  }

  @Test
  void aSiteOfAnotherCustomerIsNotFoundAndOneBeingSetUpIsNotAttachable() {
    Site theirs = sites.add(GRACE.customerId(), 1, "theirs", SiteStatus.RUNNING);
    Site early = sites.add(ADA.customerId(), 2, "early", SiteStatus.PROVISIONING);

    assertThat(
            catchThrowableOfType(
                NotFoundException.class,
                () -> service.add(ADA, "example.test", DomainMode.HOSTED, theirs.id())))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                    ConflictException.class,
                    () -> service.add(ADA, "example.test", DomainMode.HOSTED, early.id()))
                .problemWith("siteId"))
        .contains("early is not live");
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void removingSetsRemovingAtOnceAndAgainChangesNothing() {
    long id = service.add(ADA, "example.test", DomainMode.HOSTED, null).id();

    assertThat(service.remove(ADA, id)).isEqualTo(DomainStatus.REMOVING);
    assertThat(domains.findById(id).orElseThrow().status()).isEqualTo(DomainStatus.REMOVING);
    assertThat(service.remove(ADA, id)).isEqualTo(DomainStatus.REMOVING);
    assertThat(service.domainsOf(ADA))
        .extracting(DomainSummary::status)
        .containsExactly(DomainStatus.REMOVING);
  }

  @Test
  void givenItsWorkflowHasEnded_removingClosesTheRecordSoTheNameIsFreeAgain() {
    long id = service.add(ADA, "example.test", DomainMode.HOSTED, null).id();
    workflows.gone(true);

    assertThat(service.remove(ADA, id)).isEqualTo(DomainStatus.REMOVED);

    assertThat(service.domainsOf(ADA)).isEmpty();
    assertThat(service.add(GRACE, "example.test", DomainMode.HOSTED, null).customerId())
        .isEqualTo(GRACE.customerId());
  }

  @Test
  void supportSeesEveryonesDomainsAndCustomersOnlyTheirOwn() {
    long id = service.add(ADA, "example.test", DomainMode.HOSTED, null).id();
    Caller support = new Caller(99, "support@berth.localhost", true);

    assertThat(service.details(support, id).domain().name()).isEqualTo("example.test");
    assertThat(catchThrowableOfType(NotFoundException.class, () -> service.details(GRACE, id)))
        .hasMessage("There is no domain " + id + " in your account.");
  }

  @Test
  void externalDnsPointsAtTheHostOfTheAttachedSite() {
    hosts.heartbeat("east", 20000, 29999, "198.51.100.4");
    hosts.heartbeat("west", 20000, 29999, "2001:db8::4");
    Instant now = Instant.now();
    Site blog =
        sites.save(
            new Site(
                null,
                ADA.customerId(),
                1L,
                "blog",
                "static",
                SiteStatus.RUNNING,
                null,
                "west",
                20001,
                now,
                now));

    Domain added =
        domains
            .findById(service.add(ADA, "example.test", DomainMode.EXTERNAL, blog.id()).id())
            .orElseThrow();

    assertThat(service.details(ADA, added.id()).recordsToCreate())
        .extracting(RequiredRecord::line)
        .containsExactly("example.test AAAA 2001:db8::4", "www.example.test CNAME example.test.");
  }
}
