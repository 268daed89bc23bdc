package io.berth.panel.domain;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.certificate.FakeCertificateWorkflows;
import io.berth.panel.certificate.HttpsFormat;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.testing.InMemoryHosts;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.site.Site;
import io.berth.workflows.certificate.CertificateState;
import io.berth.workflows.certificate.CertificateStatus;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.domain.RecordSetChange;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.berth.workflows.site.SiteStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DomainViewTest extends ViewTest {

  @Autowired FakeDomainWorkflows workflows;
  @Autowired DomainProgressFeed feed;
  @Autowired InMemoryHosts hosts;
  @Autowired FakeCertificateWorkflows certificateWorkflows;
  private Customer ada;

  @BeforeEach
  void signInAda() {
    ada = signIn("ada@example.com");
  }

  @Test
  void givenHostedDns_itShowsTheNameServersAndTheZonesRecords() {
    Domain domain = hosted(DomainStatus.WAITING_FOR_DNS);
    recordSets.upsert(domain.id(), "www", "CNAME", 3600, "example.test.", true);
    recordSets.upsert(domain.id(), "@", "A", 3600, "127.0.0.1", true);

    navigate("domains/" + domain.id());

    assertThat(text("domain-status")).isEqualTo("Waiting for DNS");
    assertThat(text("name-servers")).contains("ns1.berth.test");
    assertThat(records())
        .containsExactly(
            new DnsRecordSet("@", "A", 3600, List.of("127.0.0.1"), true),
            new DnsRecordSet("www", "CNAME", 3600, List.of("example.test."), true));
    assertThat(_find(Grid.class, spec -> spec.withId("records-to-create"))).isEmpty();
    assertThat(_find(Div.class, spec -> spec.withClasses("step"))).hasSize(4);
  }

  @Test
  void whenAddingARecordSet_theWorkflowAppliesItAndTheGridShowsIt() {
    Domain domain = hosted(DomainStatus.ACTIVE);
    navigate("domains/" + domain.id());

    _click(_get(Button.class, spec -> spec.withId("record-add")));
    _setValue(_get(TextField.class, spec -> spec.withId("record-name")), "Mail");
    typeSelect().setValue("MX");
    _setValue(
        _get(TextArea.class, spec -> spec.withId("record-values")),
        "10 mx1.example.test.\n\n20 mx2.example.test.\n");
    _click(_get(Button.class, spec -> spec.withId("record-save")));
    MockVaadin.runUIQueue();

    assertThat(workflows.changes)
        .containsExactly(
            new FakeDomainWorkflows.Change(
                domain.id(),
                new RecordSetChange(
                    "mail", "MX", 3600, List.of("10 mx1.example.test.", "20 mx2.example.test."))));
    assertThat(_find(RecordSetDialog.class)).isEmpty();
    assertThat(records()).extracting(DnsRecordSet::name).containsExactly("mail");
  }

  @Test
  void whenTheWorkflowRefusesAValue_theDialogStaysOpenWithTheInputAndTheReasonOnTheField() {
    Domain domain = hosted(DomainStatus.ACTIVE);
    workflows.refuse(InvalidInputException.of("values", "'300.1.1.1' is not an IP address."));
    navigate("domains/" + domain.id());

    _click(_get(Button.class, spec -> spec.withId("record-add")));
    _setValue(_get(TextField.class, spec -> spec.withId("record-name")), "www");
    _setValue(_get(TextArea.class, spec -> spec.withId("record-values")), "300.1.1.1");
    _click(_get(Button.class, spec -> spec.withId("record-save")));
    MockVaadin.runUIQueue();

    _get(RecordSetDialog.class);
    TextArea values = _get(TextArea.class, spec -> spec.withId("record-values"));
    assertThat(values.isInvalid()).isTrue();
    assertThat(values.getErrorMessage()).isEqualTo("'300.1.1.1' is not an IP address.");
    assertThat(values.getValue()).isEqualTo("300.1.1.1");
    assertThat(_get(TextField.class, spec -> spec.withId("record-name")).getValue())
        .isEqualTo("www");
    assertThat(_get(Button.class, spec -> spec.withId("record-save")).isEnabled()).isTrue();
    assertThat(records()).isEmpty();
  }

  @Test
  void whenTheWorkflowRefusesForAnotherReason_theDialogSaysWhy() {
    Domain domain = hosted(DomainStatus.ACTIVE);
    workflows.refuse(new ConflictException("The zone is busy; try again."));
    navigate("domains/" + domain.id());

    _click(_get(Button.class, spec -> spec.withId("record-add")));
    _setValue(_get(TextArea.class, spec -> spec.withId("record-values")), "192.0.2.1");
    _click(_get(Button.class, spec -> spec.withId("record-save")));
    MockVaadin.runUIQueue();

    assertThat(get_textRecursively(_get(RecordSetDialog.class)))
        .contains("The zone is busy; try again.");
  }

  @Test
  void whenEditingARecordSet_itsNameAndTypeStayAndTheNewValuesAreApplied() {
    Domain domain = hosted(DomainStatus.ACTIVE);
    recordSets.upsert(domain.id(), "@", "A", 3600, "127.0.0.1", true);
    navigate("domains/" + domain.id());

    _click(actionButton(0, 0));
    assertThat(_get(TextField.class, spec -> spec.withId("record-name")).isReadOnly()).isTrue();
    _setValue(_get(TextArea.class, spec -> spec.withId("record-values")), "192.0.2.10");
    _click(_get(Button.class, spec -> spec.withId("record-save")));
    MockVaadin.runUIQueue();

    assertThat(records())
        .containsExactly(new DnsRecordSet("@", "A", 3600, List.of("192.0.2.10"), false));
  }

  @Test
  void givenExternalDns_itShowsTheExactRecordsToCreate() {
    hosts.heartbeat("local", 20000, 29999, "203.0.113.5");
    Domain domain =
        domains.add(ada.id(), "example.test", DomainMode.EXTERNAL, DomainStatus.WAITING_FOR_DNS);
    domains.recordDnsCheck(domain.id(), false, "192.0.2.7", "203.0.113.5");

    navigate("domains/" + domain.id());

    @SuppressWarnings("unchecked")
    Grid<RequiredRecord> grid = _get(Grid.class, spec -> spec.withId("records-to-create"));
    assertThat(IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).line()))
        .containsExactly("example.test A 203.0.113.5", "www.example.test CNAME example.test.");
    assertThat(text("dns-check"))
        .contains("✗ DNS does not point here yet: found 192.0.2.7, expected 203.0.113.5");
    assertThat(_find(Div.class, spec -> spec.withId("name-servers"))).isEmpty();
    assertThat(_find(Button.class, spec -> spec.withId("record-add"))).isEmpty();
  }

  @Test
  void whenCheckingNow_itAsksTheWorkflow() {
    Domain domain = hosted(DomainStatus.DNS_NOT_SEEN);
    navigate("domains/" + domain.id());
    assertThat(text("dns-check")).contains("DNS has not been checked yet.");

    _click(_get(Button.class, spec -> spec.withId("dns-check-now")));

    assertThat(workflows.checks).containsExactly(domain.id());
  }

  @Test
  void whenTheWorkflowWaitsForDns_thePageFollowsWithoutReloading() {
    Domain domain = hosted(DomainStatus.SETTING_UP);
    navigate("domains/" + domain.id());
    String note =
        "example.test resolves to 192.0.2.7, expected 127.0.0.1 — checking again in 5 min";

    workflows.setProgress(
        domain.id(),
        List.of(
            new Step("zone", StepState.DONE, 1, null, 0, 0),
            new Step("records", StepState.DONE, 1, null, 0, 0),
            new Step("site", StepState.SKIPPED, 0, null, 0, 0),
            new Step("dns check", StepState.WAITING, 2, note, 0, 0)));
    domains.updateStatus(domain.id(), DomainStatus.WAITING_FOR_DNS, null, null);
    feed.refresh(domain.id());
    MockVaadin.runUIQueue();

    assertThat(text("step-dns-check")).isEqualTo("Dns checkWaiting" + note);
    assertThat(text("domain-status")).isEqualTo("Waiting for DNS");
  }

  @Test
  void whenAttachingASite_theWorkflowPointsTheDomainAtIt() {
    Domain domain = hosted(DomainStatus.ACTIVE);
    var order = orders.add(ada.id(), InMemoryPlans.STARTER, "myblog", OrderStatus.ACTIVE);
    Site blog = sites.add(ada.id(), order.id(), "myblog", SiteStatus.RUNNING);
    navigate("domains/" + domain.id());

    @SuppressWarnings("unchecked")
    Select<SiteChoice> select = _get(Select.class, spec -> spec.withId("domain-attach-site"));
    _setValue(select, new SiteChoice(blog.id(), "myblog"));
    _click(_get(Button.class, spec -> spec.withId("domain-attach")));
    MockVaadin.runUIQueue();

    assertThat(domains.findById(domain.id()).orElseThrow().siteId()).isEqualTo(blog.id());
    assertThat(get_textRecursively(currentView())).contains("Attached to site myblog");
  }

  @Test
  void removingNeedsTheNameTypedAndThenAsksTheWorkflow() {
    Domain domain = hosted(DomainStatus.ACTIVE);
    navigate("domains/" + domain.id());

    _click(_get(Button.class, spec -> spec.withId("domain-remove")));
    Button confirm = _get(Button.class, spec -> spec.withId("domain-remove-confirmed"));
    TextField typed = _get(TextField.class, spec -> spec.withId("domain-remove-confirm"));
    assertThat(confirm.isEnabled()).isFalse();
    _setValue(typed, "example.tes");
    assertThat(confirm.isEnabled()).isFalse();
    _setValue(typed, "example.test");
    assertThat(confirm.isEnabled()).isTrue();
    _click(confirm);

    assertThat(workflows.removals).containsExactly(domain.id());
    assertThat(domains.findById(domain.id()).orElseThrow().status())
        .isEqualTo(DomainStatus.REMOVING);
    assertThat(text("domain-status")).isEqualTo("Being removed");
    assertThat(_find(Button.class, spec -> spec.withId("domain-remove"))).isEmpty();
  }

  @Test
  void givenAnotherCustomersDomain_itIsNotFound() {
    Customer grace = customers.add("grace@example.com", Customer.ROLE_CUSTOMER);
    Domain theirs = domains.add(grace.id(), "theirs.test", DomainMode.HOSTED, DomainStatus.ACTIVE);

    navigate("domains/" + theirs.id());

    assertThat(get_textRecursively(currentView()))
        .contains("Domain not found")
        .doesNotContain("theirs");
    assertThat(feed.watchedDomains()).isZero();
  }

  @Test
  void givenTheAttachedSiteHasACertificate_itSaysHttpsIsIssuedAndLinksToTheSite() {
    Site blog = liveSite("myblog");
    Domain domain = hosted(DomainStatus.ACTIVE);
    domains.updateStatus(domain.id(), DomainStatus.ACTIVE, blog.id(), null);
    Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Instant until = from.plus(Duration.ofDays(90));
    certificates.installed(
        "site-" + blog.id(), List.of("example.test", "www.example.test"), "CN=Pebble", from, until);

    navigate("domains/" + domain.id());

    assertThat(text("domain-https"))
        .isEqualTo(
            "HTTPS: issued, valid until "
                + HttpsFormat.WHEN.format(until)
                + " HTTPS of site myblog");
    Anchor link = _get(Anchor.class, spec -> spec.withId("domain-https-site"));
    assertThat(link.getHref()).isEqualTo("sites/" + blog.id());
  }

  @Test
  void givenTheCertificateFails_theHttpsLineSaysWhy() {
    Site blog = liveSite("myblog");
    Domain domain = hosted(DomainStatus.ACTIVE);
    domains.updateStatus(domain.id(), DomainStatus.ACTIVE, blog.id(), null);
    certificateWorkflows.running(
        CertificateSubject.site(blog.id()),
        new CertificateState(CertificateStatus.FAILING, null, null, "CAA forbids the CA", 1));

    navigate("domains/" + domain.id());

    assertThat(text("domain-https"))
        .startsWith("HTTPS: failing — CAA forbids the CA. Next attempt: soon");
  }

  @Test
  void givenNoSite_theHttpsLineSaysItComesWithOne() {
    Domain domain = hosted(DomainStatus.ACTIVE);

    navigate("domains/" + domain.id());

    assertThat(text("domain-https")).startsWith("HTTPS: comes with a site");
    assertThat(_find(Anchor.class, spec -> spec.withId("domain-https-site"))).isEmpty();
  }

  private Site liveSite(String name) {
    var order = orders.add(ada.id(), InMemoryPlans.STARTER, name, OrderStatus.ACTIVE);
    return sites.add(ada.id(), order.id(), name, "static", SiteStatus.RUNNING);
  }

  private Domain hosted(DomainStatus status) {
    return domains.add(ada.id(), "example.test", DomainMode.HOSTED, status);
  }

  @SuppressWarnings("unchecked")
  private static Grid<DnsRecordSet> recordGrid() {
    return _get(Grid.class, spec -> spec.withId("records"));
  }

  private static List<DnsRecordSet> records() {
    Grid<DnsRecordSet> grid = recordGrid();
    return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
  }

  /** The n-th button (0 Edit, 1 Delete) of a row of the records grid. */
  private static Button actionButton(int row, int n) {
    Component actions = GridKt._getCellComponent(recordGrid(), row, "actions");
    return (Button) actions.getChildren().toList().get(n);
  }

  @SuppressWarnings("unchecked")
  private static Select<String> typeSelect() {
    return _get(Select.class, spec -> spec.withId("record-type"));
  }

  private static String text(String id) {
    return get_textRecursively(_get(Component.class, spec -> spec.withId(id)));
  }
}
