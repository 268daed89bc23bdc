package io.berth.panel.logs;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeResponse;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.site.Site;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(classes = LogsTestBeans.class)
class LogsViewTest extends ViewTest {

  private static final String AT = "2026-11-27T05:00:00.000000001Z";

  @Autowired FakeLogAgent agent;
  private Site blog;

  @BeforeEach
  void signInAdaWithARunningSite() {
    Customer ada = signIn("ada@example.com");
    var order = orders.add(ada.id(), InMemoryPlans.STARTER, "myblog", OrderStatus.ACTIVE);
    blog = sites.add(ada.id(), order.id(), "myblog", "static", SiteStatus.RUNNING);
  }

  @Test
  void givenASiteThatPrintsNumberedLines_whenOpeningItsLogs_itShowsThemInOrder() {
    String[] printed =
        IntStream.rangeClosed(1, 50).mapToObj(n -> "line " + n).toArray(String[]::new);
    agent.lines(printed);

    navigate("sites/" + blog.id() + "/logs");

    awaitPage("all 50 lines shown", () -> shownLines().size() == 50);
    assertThat(shownLines())
        .containsExactlyElementsOf(
            Arrays.stream(printed).map(line -> AT + " stdout " + line).toList());
    assertThat(agent.opened)
        .containsExactly(
            "host-1 agent/v1/sites/" + blog.id() + "/logs?source=app&tail=200&follow=true");
    assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("myblog logs · Berth");
    assertThat(_get(H1.class).getText()).isEqualTo("myblog logs");
    assertThat(_get(Anchor.class, spec -> spec.withId("logs-back")).getHref())
        .isEqualTo("sites/" + blog.id());
    assertThat(visible("logs-skipped")).isFalse();

    agent.write("line 51");
    awaitPage("the new line followed", () -> shownLines().size() == 51);
    assertThat(shownLines().get(50)).isEqualTo(AT + " stdout line 51");
  }

  @Test
  void givenAFloodingSite_theViewHoldsAtMostTheBufferAndStaysResponsive() {
    agent.mode(FakeLogAgent.Mode.FLOOD);

    navigate("sites/" + blog.id() + "/logs");
    awaitPage(
        "three buffers' worth of lines flooded in and shown",
        () -> agent.flooded.get() > 3L * LogBuffer.CAPACITY && visible("logs-skipped"));

    // However fast lines come, the page has at most one update waiting for its lock.
    assertThat(VaadinSession.getCurrent().getPendingAccessQueue()).hasSizeLessThanOrEqualTo(1);
    MockVaadin.runUIQueue();
    assertThat(shownLines()).hasSizeLessThanOrEqualTo(LogBuffer.CAPACITY);
    assertThat(shownLines().get(shownLines().size() - 1)).startsWith(AT + " stdout flood line ");
    assertThat(text("logs-skipped")).matches("[1-9]\\d* earlier lines not shown");

    _click(pauseButton());
    assertThat(pauseButton().getText()).isEqualTo("Resume");
    List<String> frozen = shownLines();
    long pausedAt = agent.flooded.get();
    awaitPage("more lines arrived while paused", () -> agent.flooded.get() > pausedAt + 1000);
    // The count is redrawn with the next batch (at most every 250 ms), like everything else.
    awaitPage(
        "the paused line counts the new lines",
        () -> text("logs-paused").matches("Paused: [1-9]\\d* new lines since\\."));
    assertThat(shownLines()).isEqualTo(frozen);

    navigate("sites");

    awaitPage("the flood's stream closed", () -> agent.closed.get() == 1);
    awaitPage("the reader thread ended", () -> !readerRunning());
  }

  @Test
  void searchShowsOnlyMatchingLinesWhateverTheirCase() {
    agent.lines("GET /index.html 200", "GET /wp-login.php 404", "POST /WP-LOGIN.php 200");
    navigate("sites/" + blog.id() + "/logs");
    awaitPage("three lines", () -> shownLines().size() == 3);

    _setValue(_get(TextField.class, spec -> spec.withId("logs-search")), "wp-Login");

    assertThat(shownLines())
        .containsExactly(
            AT + " stdout GET /wp-login.php 404", AT + " stdout POST /WP-LOGIN.php 200");
    assertThat(text("logs-matches")).isEqualTo("2 of 3 lines match");

    agent.write("GET /wp-login.php?action=lostpassword 200");
    awaitPage("a new matching line", () -> shownLines().size() == 3);
    assertThat(text("logs-matches")).isEqualTo("3 of 4 lines match");

    _setValue(_get(TextField.class, spec -> spec.withId("logs-search")), "");
    assertThat(shownLines()).hasSize(4);
    assertThat(visible("logs-matches")).isFalse();
  }

  @Test
  void whilePaused_theLinesStandStillAndAreCounted_andResumeShowsThem() {
    agent.lines("one", "two", "three");
    navigate("sites/" + blog.id() + "/logs");
    awaitPage("three lines", () -> shownLines().size() == 3);

    _click(pauseButton());
    agent.write("four");
    agent.write("five");

    awaitPage("two lines counted", () -> text("logs-paused").equals("Paused: 2 new lines since."));
    assertThat(shownLines()).hasSize(3);

    _click(pauseButton());

    assertThat(pauseButton().getText()).isEqualTo("Pause");
    assertThat(visible("logs-paused")).isFalse();
    assertThat(shownLines())
        .containsExactly(
            AT + " stdout one",
            AT + " stdout two",
            AT + " stdout three",
            AT + " stdout four",
            AT + " stdout five");
  }

  @Test
  void switchingToTheAccessLogClosesTheSitesStreamAndFollowsTheProxysLog() {
    agent.lines("from the app");
    navigate("sites/" + blog.id() + "/logs");
    awaitPage("the app's line", () -> shownLines().size() == 1);

    @SuppressWarnings("unchecked")
    RadioButtonGroup<LogSource> source =
        _get(RadioButtonGroup.class, spec -> spec.withId("logs-source"));
    _setValue(source, LogSource.PROXY);

    awaitPage("the app's stream closed", () -> agent.closed.get() == 1);
    awaitPage("the proxy's log opened", () -> agent.opened.size() == 2);
    assertThat(agent.opened)
        .containsExactly(
            "host-1 agent/v1/sites/" + blog.id() + "/logs?source=app&tail=200&follow=true",
            "host-1 agent/v1/sites/" + blog.id() + "/logs?source=proxy&tail=200&follow=true");
    awaitPage("the proxy's lines", () -> shownLines().size() == 1);
  }

  @Test
  void givenTheAgentIsDown_thePageSaysSoInWordsAndOffersToReconnect() {
    agent.mode(FakeLogAgent.Mode.DOWN);

    navigate("sites/" + blog.id() + "/logs");

    awaitPage("the reason shown", () -> visible("logs-message"));
    assertThat(text("logs-message"))
        .isEqualTo(
            "The logs of this site cannot be reached right now: its host's agent does not"
                + " answer.");
    assertThat(visible("logs-reconnect")).isTrue();
    assertThat(shownLines()).isEmpty();

    agent.mode(FakeLogAgent.Mode.LINES);
    agent.lines("back again");
    _click(_get(Button.class, spec -> spec.withId("logs-reconnect")));

    awaitPage("the log followed again", () -> shownLines().size() == 1);
    assertThat(visible("logs-message")).isFalse();
  }

  @Test
  void givenTheSiteHasNoContainer_thePageSaysSo() {
    agent.mode(FakeLogAgent.Mode.NO_CONTAINER);

    navigate("sites/" + blog.id() + "/logs");

    awaitPage("the reason shown", () -> visible("logs-message"));
    assertThat(text("logs-message"))
        .startsWith("myblog has no container on its host right now, so there are no logs to show.");
  }

  @Test
  void whenTheStreamEnds_thePageSaysSoAndReconnectFollowsAgain() {
    agent.lines("last words");
    agent.endAfterTheseLines();
    navigate("sites/" + blog.id() + "/logs");

    awaitPage("the end shown", () -> visible("logs-message"));
    assertThat(text("logs-message")).isEqualTo(LogFollower.ENDED);
    assertThat(shownLines()).containsExactly(AT + " stdout last words");

    _click(_get(Button.class, spec -> spec.withId("logs-reconnect")));

    awaitPage("the log opened again", () -> agent.opened.size() == 2);
    assertThat(agent.opened.get(1)).isEqualTo(agent.opened.get(0));
  }

  @Test
  void theDownloadFetchesTheLastNLinesOfTheChosenSourceAsText() throws Exception {
    agent.lines("first", "second");
    navigate("sites/" + blog.id() + "/logs");
    _setValue(_get(IntegerField.class, spec -> spec.withId("logs-download-lines")), 250);
    @SuppressWarnings("unchecked")
    RadioButtonGroup<LogSource> source =
        _get(RadioButtonGroup.class, spec -> spec.withId("logs-source"));
    _setValue(source, LogSource.PROXY);
    Anchor link = _get(Anchor.class, spec -> spec.withId("logs-download"));
    assertThat(link.getText()).isEqualTo("Download last 250 lines");

    FakeResponse response = new FakeResponse();
    ((LogsView) currentView())
        .download()
        .handleDownloadRequest(
            new DownloadEvent(
                VaadinRequest.getCurrent(),
                new VaadinServletResponse(
                    response, (VaadinServletService) VaadinService.getCurrent()),
                VaadinSession.getCurrent(),
                link.getElement()));

    assertThat(agent.opened)
        .contains(
            "host-1 agent/v1/sites/" + blog.id() + "/logs?source=proxy&tail=250&follow=false");
    assertThat(response.getBufferAsString())
        .isEqualTo(AT + " stdout first\n" + AT + " stdout second\n");
    assertThat(response.getHeader("Content-Disposition")).contains("myblog-proxy.log");
  }

  @Test
  void anotherCustomersSiteIsNotFoundAndItsLogIsNeverOpened() {
    signIn("bob@example.com");

    navigate("sites/" + blog.id() + "/logs");

    assertThat(_get(H1.class).getText()).isEqualTo("Site not found");
    assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
        .contains("There is no site " + blog.id() + " in your account.");
    assertThat(_find(Pre.class)).isEmpty();
    assertThat(agent.opened).isEmpty();
  }

  private static Button pauseButton() {
    return _get(Button.class, spec -> spec.withId("logs-pause"));
  }

  private static List<String> shownLines() {
    String text = _get(Pre.class, spec -> spec.withId("logs-lines")).getText();
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  private static String text(String id) {
    return _get(Component.class, spec -> spec.withId(id)).getElement().getText();
  }

  /** Whether the component is on the page and shown (Karibu finds only shown components). */
  private static boolean visible(String id) {
    return !_find(Component.class, spec -> spec.withId(id)).isEmpty();
  }

  private boolean readerRunning() {
    String name = "berth-logs-site-" + blog.id();
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals(name) && thread.isAlive());
  }

  /**
   * Lets the page take the batches its reader and timer handed it (as the push connection would)
   * until {@code condition} holds.
   */
  private static void awaitPage(String what, BooleanSupplier condition) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      MockVaadin.runUIQueue();
      if (condition.getAsBoolean()) {
        return;
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("The page never got to: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
