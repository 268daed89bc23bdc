package io.berth.panel.mail;

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
import com.vaadin.flow.component.html.Div;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.mail.MailDomain;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.mail.MailDomainRequest;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailboxStatus;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MailViewTest extends ViewTest {

  @Autowired FakeMailWorkflows workflows;
  @Autowired MailDomainFeed feed;
  private Customer ada;

  @BeforeEach
  void signInAda() {
    ada = signIn("ada@example.com");
    orders.add(ada.id(), InMemoryPlans.STARTER, "shop", OrderStatus.ACTIVE);
  }

  @Test
  void itIsInTheNavigationAndSaysEmailNeedsADomainFirst() {
    navigate("mail");

    assertThat(_find(Anchor.class, spec -> spec.withText("Email"))).isNotEmpty();
    assertThat(text("mail-domains"))
        .contains("Email runs on a domain of yours. Add a domain first.");
  }

  @Test
  void itListsEachDomainWithItsEmailAndThePlansMailLimits() {
    Domain example = domains.add(ada.id(), "example.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    Domain shop = domains.add(ada.id(), "shop.test", DomainMode.EXTERNAL, DomainStatus.ACTIVE);
    MailDomain on = mailDomains.add(ada.id(), shop.id(), "shop.test", MailDomainStatus.ACTIVE);
    mailboxes.add(ada.id(), on.id(), "info", "shop.test", 1024, MailboxStatus.ACTIVE);

    navigate("mail");

    assertThat(text("mail-allowance"))
        .isEqualTo("Your Starter plan allows 10 mailboxes; you have 1.");
    assertThat(text("mail-storage"))
        .isEqualTo(
            "Mail storage: 1 GB of your Starter plan's 5 GB is given to mailbox quotas; 4 GB is"
                + " left.");
    assertThat(text("mail-for-" + example.id()))
        .contains("example.test", "Email off", "Hosted DNS");
    assertThat(button("mail-turn-on-" + example.id()).isEnabled()).isTrue();
    assertThat(text("mail-for-" + shop.id())).contains("shop.test", "Email on", "External DNS");
    assertThat(_get(Anchor.class, spec -> spec.withId("mail-open-" + on.id())).getHref())
        .isEqualTo("mail/" + on.id());
  }

  @Test
  void theStorefrontShowsEachPlansMailLimits() {
    navigate("");

    assertThat(text("plan-trial")).contains("2 mailboxes", "200 MB mail storage");
    assertThat(text("plan-starter")).contains("10 mailboxes", "5 GB mail storage");
    assertThat(text("plan-business")).contains("50 mailboxes", "50 GB mail storage");
  }

  @Test
  void turningOnEmailStartsItsWorkflowAndOpensItsPageWithTheStepsLive() {
    Domain example = domains.add(ada.id(), "example.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    navigate("mail");

    _click(button("mail-turn-on-" + example.id()));

    MailDomain created = mailDomains.findLiveByDomainId(example.id()).orElseThrow();
    assertThat(created.status()).isEqualTo(MailDomainStatus.CREATING);
    assertThat(created.customerId()).isEqualTo(ada.id());
    assertThat(workflows.startedDomains)
        .containsExactly(
            new FakeMailWorkflows.Started<>(
                new MailDomainRequest(created.id(), ada.id(), false), "example.test"));
    assertThat(currentView()).isInstanceOf(MailDomainView.class);
    assertThat(text("mail-status")).isEqualTo("Email being set up");
    assertThat(_find(Div.class, spec -> spec.withClasses("step"))).hasSize(3);
    assertThat(text("step-dkim")).isEqualTo("DKIM keyPending");
    assertThat(text("step-servers")).isEqualTo("Mail serversPending");
    assertThat(text("mail-dns")).contains("The records appear here once email is set up.");

    workflows.setProgress(
        created.id(),
        List.of(
            new Step("dkim", StepState.DONE, 1, null, 0, 0),
            new Step("dns", StepState.RETRYING, 3, "BIND is busy", 0, 0),
            Step.pending("servers")));
    feed.refresh(created.id());
    MockVaadin.runUIQueue();

    assertThat(text("step-dkim")).isEqualTo("DKIM keyDone");
    assertThat(text("step-dns"))
        .isEqualTo("DNS recordsRetrying (attempt 3)Last error: BIND is busy");
  }

  @Test
  void aDomainStillBeingSetUpCannotHaveEmailYetAndSaysWhy() {
    Domain early = domains.add(ada.id(), "early.test", DomainMode.HOSTED, DomainStatus.SETTING_UP);

    navigate("mail");

    assertThat(button("mail-turn-on-" + early.id()).isEnabled()).isFalse();
    assertThat(text("mail-for-" + early.id()))
        .contains("early.test is still being set up; turn on email once it is ready.");
    assertThat(mailDomains.count()).isZero();
  }

  @Test
  void whenTheWorkflowServiceIsDown_turningOnSaysSoAndLeavesEmailOff() {
    Domain example = domains.add(ada.id(), "example.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    workflows.unreachable(true);
    navigate("mail");

    _click(button("mail-turn-on-" + example.id()));

    NotificationsKt.expectNotifications(MailDomainService.START_FAILED);
    assertThat(mailDomains.findLiveByDomainId(example.id())).isEmpty();
    assertThat(text("mail-for-" + example.id())).contains("Email off");
  }

  @Test
  void anotherCustomersDomainsAreNotListed() {
    Customer grace = customers.add("grace@example.com", Customer.ROLE_CUSTOMER);
    domains.add(grace.id(), "theirs.test", DomainMode.HOSTED, DomainStatus.ACTIVE);

    navigate("mail");

    assertThat(get_textRecursively(currentView())).doesNotContain("theirs.test");
  }

  private static Button button(String id) {
    return _get(Button.class, spec -> spec.withId(id));
  }

  private static String text(String id) {
    return get_textRecursively(_get(Component.class, spec -> spec.withId(id)));
  }
}
