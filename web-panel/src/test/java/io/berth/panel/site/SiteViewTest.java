package io.berth.panel.site;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import io.berth.panel.certificate.CertificateFeed;
import io.berth.panel.certificate.FakeCertificateWorkflows;
import io.berth.panel.certificate.HttpsFormat;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.site.Site;
import io.berth.workflows.certificate.CertificateState;
import io.berth.workflows.certificate.CertificateStatus;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.IssuedCertificate;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.berth.workflows.site.SiteStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SiteViewTest extends ViewTest {

  private static final Instant ISSUED_AT = Instant.now().truncatedTo(ChronoUnit.MINUTES);
  private static final Instant EXPIRES_AT = ISSUED_AT.plus(Duration.ofDays(90));
  private static final String ISSUER = "CN=Pebble Intermediate CA 5c9a2e";
  private static final String NOT_POINTING =
      "example.test does not point to this server: the CA reached 192.0.2.7";

  @Autowired FakeCertificateWorkflows workflows;
  @Autowired CertificateFeed feed;
  private Customer ada;
  private Site blog;

  @BeforeEach
  void signInAdaWithASite() {
    ada = signIn("ada@example.com");
    var order = orders.add(ada.id(), InMemoryPlans.STARTER, "myblog", OrderStatus.ACTIVE);
    blog = sites.add(ada.id(), order.id(), "myblog", "static", SiteStatus.RUNNING);
  }

  @Test
  void givenAnInstalledCertificate_itShowsIssuerNamesValidUntilAndNextRenewal() {
    attach("example.test");
    installed();

    navigate("sites/" + blog.id());

    assertThat(text("https-status")).isEqualTo("Issued");
    assertThat(text("https-issuer")).isEqualTo(ISSUER);
    assertThat(text("https-names")).isEqualTo("example.test, www.example.test");
    assertThat(text("https-valid-until")).isEqualTo(HttpsFormat.WHEN.format(EXPIRES_AT));
    // Two thirds into a 90-day lifetime: day 60.
    assertThat(text("https-renews"))
        .isEqualTo(HttpsFormat.WHEN.format(ISSUED_AT.plus(Duration.ofDays(60))));
    Anchor link = _get(Anchor.class, spec -> spec.withId("https-link-0"));
    assertThat(link.getHref()).isEqualTo("https://example.test:8443/");
    assertThat(link.getText()).isEqualTo("https://example.test:8443/");
    assertThat(_find(Component.class, spec -> spec.withId("https-warning"))).isEmpty();
    assertThat(_find(Component.class, spec -> spec.withId("https-unreachable"))).isEmpty();
  }

  @Test
  void givenTheWorkflowScheduledTheRenewal_itShowsThatDate() {
    attach("example.test");
    installed();
    Instant scheduled = ISSUED_AT.plus(Duration.ofDays(61));
    workflows.running(
        site(), new CertificateState(CertificateStatus.ISSUED, issued(), scheduled, null, 0));

    navigate("sites/" + blog.id());

    assertThat(text("https-renews")).isEqualTo(HttpsFormat.WHEN.format(scheduled));
    assertThat(text("step-install")).contains("Pending");
  }

  @Test
  void givenIssuanceFails_itSaysWhyInPlainWordsAndRetryNowSignalsTheWorkflow() {
    attach("example.test");
    Instant next = Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MINUTES);
    workflows.running(
        site(), new CertificateState(CertificateStatus.FAILING, null, next, NOT_POINTING, 1));

    navigate("sites/" + blog.id());

    assertThat(text("https-status")).isEqualTo("Failing");
    assertThat(text("https-warning"))
        .startsWith(
            "Certificate not issued: "
                + NOT_POINTING
                + ". The site keeps working on HTTP. Next attempt: "
                + HttpsFormat.WHEN.format(next)
                + ".");
    assertThat(_find(Component.class, spec -> spec.withId("https-padlock"))).isEmpty();

    _click(_get(Button.class, spec -> spec.withId("https-retry")));
    MockVaadin.runUIQueue();

    assertThat(workflows.retries).containsExactly(site());
    NotificationsKt.expectNotifications("Trying again now…");
  }

  @Test
  void givenARenewalFails_itSaysTheCurrentCertificateKeepsServingUntilItExpires() {
    attach("example.test");
    installed();
    workflows.running(
        site(),
        new CertificateState(CertificateStatus.FAILING, issued(), null, "CAA forbids the CA", 2));

    navigate("sites/" + blog.id());

    assertThat(text("https-warning"))
        .startsWith(
            "Certificate not issued: CAA forbids the CA. The site keeps working on its current"
                + " certificate, valid until "
                + HttpsFormat.WHEN.format(EXPIRES_AT)
                + ". Next attempt: soon.");
    assertThat(text("https-valid-until")).isEqualTo(HttpsFormat.WHEN.format(EXPIRES_AT));
  }

  @Test
  void givenNoDomain_itExplainsThatHttpsComesWithADomain() {
    navigate("sites/" + blog.id());

    assertThat(text("https-status")).isEqualTo("No domain");
    assertThat(text("https-explanation"))
        .startsWith("HTTPS comes with a domain")
        .contains("covered by the platform's certificate");
    assertThat(_find(Component.class, spec -> spec.withClasses("step"))).isEmpty();
    assertThat(_find(Button.class, spec -> spec.withId("https-retry"))).isEmpty();
    assertThat(_find(Component.class, spec -> spec.withId("https-padlock"))).isEmpty();
  }

  @Test
  void whileIssuing_theStepsFollowTheWorkflowWithoutReloading() {
    attach("example.test");
    workflows.running(site(), CertificateState.initial());
    navigate("sites/" + blog.id());
    assertThat(text("https-status")).isEqualTo("Being issued");
    assertThat(text("step-order")).isEqualTo("OrderPending");

    workflows.setProgress(
        site(),
        List.of(
            new Step("order", StepState.DONE, 1, null, 0, 0),
            new Step("validate", StepState.RETRYING, 2, "The CA could not connect", 0, 0),
            Step.pending("issue"),
            Step.pending("install")));
    feed.refresh(blog.id());
    MockVaadin.runUIQueue();

    assertThat(text("step-order")).isEqualTo("OrderDone");
    assertThat(text("step-validate"))
        .isEqualTo("ValidateRetrying (attempt 2)Last error: The CA could not connect");
  }

  @Test
  void whenTheWorkflowServiceIsDown_itSaysSoAndStillShowsTheInstalledCertificate() {
    attach("example.test");
    installed();
    workflows.unreachable(true);

    navigate("sites/" + blog.id());

    assertThat(text("https-unreachable")).contains("could not be asked");
    assertThat(text("https-status")).isEqualTo("Issued");
    assertThat(text("https-issuer")).isEqualTo(ISSUER);
  }

  @Test
  void anotherCustomersSiteIsNotFound() {
    signIn("bob@example.com");

    navigate("sites/" + blog.id());

    assertThat(get_textRecursively(currentView())).contains("Site not found");
    assertThat(_find(Component.class, spec -> spec.withId("https"))).isEmpty();
  }

  @Test
  void theSitesListLinksToTheSitesPage() {
    navigate("sites");

    Anchor details = _get(Anchor.class, spec -> spec.withId("site-open-" + blog.id()));
    assertThat(details.getHref()).isEqualTo("sites/" + blog.id());
  }

  private CertificateSubject site() {
    return CertificateSubject.site(blog.id());
  }

  private Domain attach(String name) {
    Domain domain = domains.add(ada.id(), name, DomainMode.HOSTED, DomainStatus.ACTIVE);
    domains.updateStatus(domain.id(), DomainStatus.ACTIVE, blog.id(), null);
    return domain;
  }

  private void installed() {
    certificates.installed(
        site().key(), List.of("www.example.test", "example.test"), ISSUER, ISSUED_AT, EXPIRES_AT);
  }

  private IssuedCertificate issued() {
    return new IssuedCertificate(
        1, "fa:ce", ISSUER, List.of("example.test", "www.example.test"), ISSUED_AT, EXPIRES_AT);
  }

  private static String text(String id) {
    return get_textRecursively(_get(Component.class, spec -> spec.withId(id)));
  }
}
