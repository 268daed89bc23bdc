package io.berth.panel.site;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.berth.panel.common.Secrets;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.site.Site;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SitesViewTest extends ViewTest {

  @Autowired FakeSiteWorkflows workflows;
  private Customer ada;

  @BeforeEach
  void signInAda() {
    ada = signIn("ada@example.com");
  }

  @Test
  void itListsTheSitesWithStatusAndAddressButNotCancelledOnes() {
    Site blog = site("myblog", SiteStatus.RUNNING);
    site("gone", SiteStatus.CANCELLED);

    navigate("sites");

    assertThat(_find(Div.class, spec -> spec.withClasses("site-card"))).hasSize(1);
    assertThat(card(blog)).contains("myblog", "Running", "Static site");
    Anchor link = _get(Anchor.class, spec -> spec.withText("http://myblog.berth.localhost:8880/"));
    assertThat(link.getTarget()).contains("_blank");
  }

  @Test
  void itOffersOnlyTheActionsThatFitTheStatus() {
    Site running = site("running", SiteStatus.RUNNING);
    Site stopped = site("stopped", SiteStatus.STOPPED);
    Site settingUp = site("settingup", SiteStatus.PROVISIONING);

    navigate("sites");

    assertThat(enabled(running, "Start")).isFalse();
    assertThat(enabled(running, "Stop")).isTrue();
    assertThat(enabled(running, "Restart")).isTrue();
    assertThat(enabled(stopped, "Start")).isTrue();
    assertThat(enabled(stopped, "Stop")).isFalse();
    assertThat(enabled(settingUp, "Start")).isFalse();
    assertThat(enabled(settingUp, "Stop")).isFalse();
    assertThat(enabled(settingUp, "Restart")).isFalse();
  }

  @Test
  void whenStopping_itAsksTheWorkflowAndShowsTheResult() {
    Site blog = site("myblog", SiteStatus.RUNNING);
    navigate("sites");

    _click(button(blog, "Stop"));
    MockVaadin.runUIQueue();

    assertThat(workflows.requests)
        .containsExactly(new FakeSiteWorkflows.Request(blog.id(), SiteAction.STOP));
    NotificationsKt.expectNotifications("Stopping myblog…", "myblog is now stopped.");
    assertThat(card(blog)).contains("Stopped");
    assertThat(enabled(blog, "Start")).isTrue();
  }

  @Test
  void whenTheWorkflowRefuses_itShowsTheReason() {
    Site blog = site("myblog", SiteStatus.RUNNING);
    workflows.reject("The site is still being set up; actions are available once it is live.");
    navigate("sites");

    _click(button(blog, "Restart"));
    MockVaadin.runUIQueue();

    NotificationsKt.expectNotifications(
        "Restarting myblog…",
        "The site is still being set up; actions are available once it is live.");
  }

  @Test
  void givenTemporalIsDown_itSaysSo() {
    Site blog = site("myblog", SiteStatus.STOPPED);
    workflows.unreachable(true);
    navigate("sites");

    _click(button(blog, "Start"));
    MockVaadin.runUIQueue();

    NotificationsKt.expectNotifications(
        "Starting myblog…", ServiceUnavailableException.WORKFLOWS_UNREACHABLE);
    assertThat(card(blog)).contains("Stopped");
  }

  @Test
  void givenANewWordPressSite_itShowsTheAdminPasswordOnceWithACopyButtonUntilSaved() {
    Site blog = wordPress("myblog");
    secrets.put(Secrets.wordPressAdmin(blog.id()), "s3cret-Generated_pw");
    navigate("sites");

    assertThat(card(blog))
        .contains(
            "wp-admin user: admin",
            "s3cret-Generated_pw",
            "Shown once — change it in wp-admin after you sign in");
    assertThat(text("wp-admin-user-" + blog.id())).isEqualTo("admin");
    assertThat(text("wp-admin-password-" + blog.id())).isEqualTo("s3cret-Generated_pw");
    Anchor open = _get(Anchor.class, spec -> spec.withId("wp-admin-open-" + blog.id()));
    assertThat(open.getHref()).isEqualTo("http://myblog.berth.localhost:8880/wp-admin/");
    assertThat(open.getTarget()).contains("_blank");

    // A server-side click and the response's preparation, without Karibu's round trip that drops
    // the scripts it would send.
    _get(Button.class, spec -> spec.withId("wp-admin-copy-" + blog.id())).click();
    UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
    assertThat(
            UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(invocation -> invocation.getInvocation().getExpression()))
        .anyMatch(js -> js.contains("navigator.clipboard.writeText($0)"));
    MockVaadin.clientRoundtrip();

    _click(_get(Button.class, spec -> spec.withId("wp-admin-saved-" + blog.id())));

    assertThat(secrets.has(Secrets.wordPressAdmin(blog.id()))).isFalse();
    assertThat(_find(Span.class, spec -> spec.withId("wp-admin-password-" + blog.id()))).isEmpty();
    assertThat(card(blog)).doesNotContain("s3cret-Generated_pw", "wp-admin user");
    _get(Anchor.class, spec -> spec.withId("wp-admin-open-" + blog.id()));

    navigate("orders");
    navigate("sites");
    assertThat(card(blog)).doesNotContain("s3cret-Generated_pw");
  }

  @Test
  void givenAStaticSite_itOffersNoWpAdmin() {
    Site plain = site("plain", SiteStatus.RUNNING);
    secrets.put(Secrets.wordPressAdmin(plain.id()), "not-for-static");

    navigate("sites");

    assertThat(card(plain)).doesNotContain("wp-admin", "not-for-static");
  }

  private Site wordPress(String name) {
    var order = orders.add(ada.id(), InMemoryPlans.STARTER, name, OrderStatus.ACTIVE);
    return sites.add(ada.id(), order.id(), name, "wordpress", SiteStatus.RUNNING);
  }

  private static String text(String id) {
    return get_textRecursively(_get(Span.class, spec -> spec.withId(id)));
  }

  private Site site(String name, SiteStatus status) {
    var order = orders.add(ada.id(), InMemoryPlans.STARTER, name, OrderStatus.ACTIVE);
    return sites.add(ada.id(), order.id(), name, status);
  }

  private static String card(Site site) {
    return get_textRecursively(_get(Div.class, spec -> spec.withId("site-" + site.id())));
  }

  private static Button button(Site site, String text) {
    Div card = _get(Div.class, spec -> spec.withId("site-" + site.id()));
    return _get(card, Button.class, spec -> spec.withText(text));
  }

  private static boolean enabled(Site site, String text) {
    return button(site, text).isEnabled();
  }
}
