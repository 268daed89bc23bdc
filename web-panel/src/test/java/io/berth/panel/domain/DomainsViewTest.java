package io.berth.panel.domain;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.site.Site;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainRequest;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DomainsViewTest extends ViewTest {

  @Autowired FakeDomainWorkflows workflows;
  private Customer ada;

  @BeforeEach
  void signInAda() {
    ada = signIn("ada@example.com");
  }

  @Test
  void givenABadName_itShowsWhatToFixOnTheFieldAndAddsNothing() {
    navigate("domains");

    _setValue(nameField(), "http://example.test/shop");
    _click(_get(Button.class, spec -> spec.withId("domain-add")));

    assertThat(nameField().isInvalid()).isTrue();
    assertThat(nameField().getErrorMessage())
        .isEqualTo("Enter the domain name only, without http:// or https:// (e.g. example.com).");
    assertThat(domains.findAll()).isEmpty();
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void givenAGoodName_itAddsTheDomainStartsItsWorkflowOpensItsPageAndListsIt() {
    navigate("domains");

    _setValue(nameField(), "  Example.TEST. ");
    _setValue(modeGroup(), DomainMode.EXTERNAL);
    _click(_get(Button.class, spec -> spec.withId("domain-add")));

    Domain added = domains.findAll().get(0);
    assertThat(added.name()).isEqualTo("example.test");
    assertThat(workflows.started)
        .containsExactly(
            DomainRequest.create(added.id(), ada.id(), "example.test", DomainMode.EXTERNAL, null));
    assertThat(currentView()).isInstanceOf(DomainView.class);
    assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
        .isEqualTo("domains/" + added.id());

    navigate("domains");
    Anchor card = _get(Anchor.class, spec -> spec.withId("domain-" + added.id()));
    assertThat(card.getHref()).isEqualTo("domains/" + added.id());
    assertThat(get_textRecursively(card))
        .contains("example.test", "Being set up", "External DNS", "No site attached")
        .contains("DNS not checked yet");
  }

  @Test
  void givenALiveSite_theDomainCanBeAttachedToItFromTheStart() {
    Site blog = site("myblog", SiteStatus.RUNNING);
    site("settingup", SiteStatus.PROVISIONING);
    navigate("domains");

    @SuppressWarnings("unchecked")
    Select<SiteChoice> select = _get(Select.class, spec -> spec.withId("domain-site"));
    assertThat(select.getListDataView().getItems().map(SiteChoice::name)).containsExactly("myblog");
    _setValue(nameField(), "example.test");
    _setValue(select, new SiteChoice(blog.id(), "myblog"));
    _click(_get(Button.class, spec -> spec.withId("domain-add")));

    assertThat(workflows.started.get(0).siteId()).isEqualTo(blog.id());
    Domain added = domains.findAll().get(0);
    navigate("domains");
    assertThat(get_textRecursively(_get(Anchor.class, spec -> spec.withId("domain-" + added.id()))))
        .contains("Site: myblog", "Hosted DNS");
  }

  @Test
  void givenANameSomeoneElseAdded_itSaysItIsTaken() {
    Customer grace = customers.add("grace@example.com", Customer.ROLE_CUSTOMER);
    domains.add(grace.id(), "example.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    navigate("domains");

    _setValue(nameField(), "example.test");
    _click(_get(Button.class, spec -> spec.withId("domain-add")));

    assertThat(nameField().isInvalid()).isTrue();
    assertThat(nameField().getErrorMessage())
        .isEqualTo("example.test is already added to an account.");
    assertThat(workflows.started).isEmpty();
    assertThat(_find(Anchor.class, spec -> spec.withClasses("domain-card"))).isEmpty();
  }

  @Test
  void givenANameUnderThePlatformsOwnDomain_itRefusesIt() {
    navigate("domains");

    _setValue(nameField(), "blog.berth.localhost");
    _click(_get(Button.class, spec -> spec.withId("domain-add")));

    assertThat(nameField().getErrorMessage()).contains("platform's own site addresses");
    assertThat(domains.findAll()).isEmpty();
  }

  @Test
  void itListsOnlyTheCustomersDomainsThatAreNotRemoved() {
    Customer grace = customers.add("grace@example.com", Customer.ROLE_CUSTOMER);
    Domain mine = domains.add(ada.id(), "mine.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    domains.recordDnsCheck(mine.id(), true, "ns1.berth.test", "ns1.berth.test");
    domains.add(ada.id(), "gone.test", DomainMode.HOSTED, DomainStatus.REMOVED);
    domains.add(grace.id(), "theirs.test", DomainMode.HOSTED, DomainStatus.ACTIVE);

    navigate("domains");

    assertThat(_find(Anchor.class, spec -> spec.withClasses("domain-card"))).hasSize(1);
    assertThat(get_textRecursively(_get(Anchor.class, spec -> spec.withId("domain-" + mine.id()))))
        .contains("mine.test", "Active", "DNS seen ✓");
  }

  private static TextField nameField() {
    return _get(TextField.class, spec -> spec.withId("domain-name"));
  }

  @SuppressWarnings("unchecked")
  private static RadioButtonGroup<DomainMode> modeGroup() {
    return _get(RadioButtonGroup.class, spec -> spec.withId("domain-mode"));
  }

  private Site site(String name, SiteStatus status) {
    var order = orders.add(ada.id(), InMemoryPlans.STARTER, name, OrderStatus.ACTIVE);
    return sites.add(ada.id(), order.id(), name, status);
  }
}
